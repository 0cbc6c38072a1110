package io.visualinspection.backend.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Times the stages of one inspection, for its response and for the per-stage histograms. */
final class StageTimings {

    private final MeterRegistry meters;
    private final long start = System.nanoTime();
    private final Map<String, Double> millis = new LinkedHashMap<>();

    StageTimings(MeterRegistry meters) {
        this.meters = meters;
    }

    <T> T time(String stage, Supplier<T> work) {
        long t0 = System.nanoTime();
        try {
            return work.get();
        } finally {
            record(stage, System.nanoTime() - t0);
        }
    }

    void record(String stage, long nanos) {
        millis.merge(stage, nanos / 1e6, Double::sum);
        timer(meters, stage).record(Duration.ofNanos(nanos));
    }

    /** The stages so far plus {@code total}, in milliseconds. */
    Map<String, Double> finish() {
        long total = System.nanoTime() - start;
        timer(meters, "total").record(Duration.ofNanos(total));
        Map<String, Double> out = new LinkedHashMap<>(millis);
        out.put("total", total / 1e6);
        return out;
    }

    static Timer timer(MeterRegistry meters, String stage) {
        return Timer.builder("inspection_stage").description("Time spent in one stage of an inspection")
                .tag("stage", stage).publishPercentileHistogram().register(meters);
    }
}
