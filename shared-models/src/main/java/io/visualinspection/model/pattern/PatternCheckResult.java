package io.visualinspection.model.pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The outcome of checking detections against a pattern. {@code decision} is null only when there was no
 * pattern to check (then {@code reason} says why). {@code lg} has one flag per item of the reported
 * variant; {@code matchedDetections} gives for each item the index of the detection that satisfied it
 * (index into the detections as given), or -1.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatternCheckResult(
        @JsonProperty("decision") @JsonInclude(JsonInclude.Include.ALWAYS) Boolean decision,
        @JsonProperty("pattern_key") String patternKey,
        @JsonProperty("pattern_name") String patternName,
        @JsonProperty("lg") List<Boolean> lg,
        @JsonProperty("matched_detections") List<Integer> matchedDetections,
        @JsonProperty("extra_detections") List<Integer> extraDetections,
        @JsonProperty("strict") Boolean strict,
        @JsonProperty("reason") String reason) {

    /** No pattern to check: decision null, never an error (SPEC "Patterns"). */
    public static PatternCheckResult noPattern(String reason) {
        return new PatternCheckResult(null, null, null, List.of(), List.of(), List.of(), null, reason);
    }

    public int matchedItems() {
        return lg == null ? 0 : (int) lg.stream().filter(Boolean::booleanValue).count();
    }

    public int totalItems() {
        return lg == null ? 0 : lg.size();
    }
}
