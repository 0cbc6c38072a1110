package io.visualinspection.backend.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.visualinspection.model.Box;
import java.util.List;

/**
 * {@code POST /check-pattern}: detections in coordinates normalised to the image, and either the key of a
 * configured pattern or a pattern inline (same shape as a pattern file, as JSON).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CheckPatternRequest(
        @JsonProperty("coordinates") List<Box> coordinates,
        @JsonProperty("class_ids") List<Integer> classIds,
        @JsonProperty("scores") List<Float> scores,
        @JsonProperty("pattern_key") String patternKey,
        @JsonProperty("pattern") JsonNode pattern,
        @JsonProperty("min_score") Double minScore,
        @JsonProperty("strict") Boolean strict) {
}
