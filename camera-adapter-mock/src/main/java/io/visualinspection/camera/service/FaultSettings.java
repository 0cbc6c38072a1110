package io.visualinspection.camera.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.visualinspection.camera.config.CameraConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The faults one camera shows, applied to every {@code take-photo}: an added latency of {@code latency_ms} plus a
 * uniform random {@code 0..jitter_ms}; a grab failure with probability {@code failure_rate}; a hang (no answer until
 * the fault is reset or the hang limit passes); corrupt image bytes behind a 200; or a disconnected device.
 */
public record FaultSettings(
        @JsonProperty("latency_ms") long latencyMs,
        @JsonProperty("jitter_ms") long jitterMs,
        @JsonProperty("failure_rate") double failureRate,
        @JsonProperty("hang") boolean hang,
        @JsonProperty("corrupt_image") boolean corruptImage,
        @JsonProperty("disconnected") boolean disconnected) {

    public static final FaultSettings NONE = new FaultSettings(0, 0, 0, false, false, false);

    /** Ten minutes: far beyond any camera timeout, short enough that a forgotten fault cannot pin a thread. */
    public static final long MAX_DELAY_MS = 600_000;

    /** The faults a camera starts with: its own settings, each one not set taken from those of all cameras. */
    public static FaultSettings fromConfig(CameraConfig.Faults own, CameraConfig.Faults all) {
        return new FaultSettings(
                own.latencyMs().or(all::latencyMs).orElse(0L),
                own.jitterMs().or(all::jitterMs).orElse(0L),
                own.failureRate().or(all::failureRate).orElse(0.0),
                own.hang().or(all::hang).orElse(false),
                own.corruptImage().or(all::corruptImage).orElse(false),
                own.disconnected().or(all::disconnected).orElse(false));
    }

    /** What is wrong with these settings, each naming its field; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (latencyMs < 0 || latencyMs > MAX_DELAY_MS) {
            problems.add("latency_ms must be in 0.." + MAX_DELAY_MS + ", got " + latencyMs);
        }
        if (jitterMs < 0 || jitterMs > MAX_DELAY_MS) {
            problems.add("jitter_ms must be in 0.." + MAX_DELAY_MS + ", got " + jitterMs);
        }
        if (!(failureRate >= 0 && failureRate <= 1)) {
            problems.add("failure_rate must be in 0..1, got " + failureRate);
        }
        return problems;
    }

    /** A short human description, e.g. {@code latency 100 ms, jitter 20 ms, disconnected}; "none" when none. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (latencyMs > 0) {
            parts.add("latency " + latencyMs + " ms");
        }
        if (jitterMs > 0) {
            parts.add("jitter " + jitterMs + " ms");
        }
        if (failureRate > 0) {
            parts.add("failure rate " + failureRate);
        }
        if (hang) {
            parts.add("hang");
        }
        if (corruptImage) {
            parts.add("corrupt image");
        }
        if (disconnected) {
            parts.add("disconnected");
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }
}
