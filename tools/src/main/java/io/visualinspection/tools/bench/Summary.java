package io.visualinspection.tools.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collection;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/** Percentiles of a set of durations in milliseconds. */
public record Summary(
        @JsonProperty("count") long count,
        @JsonProperty("p50_ms") double p50,
        @JsonProperty("p95_ms") double p95,
        @JsonProperty("p99_ms") double p99,
        @JsonProperty("mean_ms") double mean,
        @JsonProperty("max_ms") double max) {

    public static Summary of(Collection<Double> millis) {
        DescriptiveStatistics s = new DescriptiveStatistics();
        millis.forEach(s::addValue);
        if (s.getN() == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Summary(s.getN(), s.getPercentile(50), s.getPercentile(95), s.getPercentile(99), s.getMean(),
                s.getMax());
    }
}
