package io.visualinspection.tools.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** What {@code bench} measured, as written with {@code --json}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchReport(
        @JsonProperty("target") String target,
        @JsonProperty("url") String url,
        @JsonProperty("requests") int requests,
        @JsonProperty("concurrency") int concurrency,
        @JsonProperty("succeeded") long succeeded,
        @JsonProperty("errors") Map<Integer, Integer> errors,
        @JsonProperty("wall_seconds") double wallSeconds,
        @JsonProperty("throughput_per_second") double throughput,
        @JsonProperty("latency") Summary latency,
        @JsonProperty("stages") Map<String, Summary> stages,
        @JsonProperty("session_floor") Summary sessionFloor,
        @JsonProperty("ratios") Map<String, Double> ratios,
        @JsonProperty("resident_memory_mb") Map<String, double[]> residentMemoryMb,
        @JsonProperty("machine") Map<String, String> machine) {
}
