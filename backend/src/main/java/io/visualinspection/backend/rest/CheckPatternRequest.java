package io.visualinspection.backend.rest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.visualinspection.model.Box;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /check-pattern}: detections in coordinates normalised to the image, and either the key of a
 * configured pattern or a pattern inline (same shape as a pattern file, as JSON). Class ids are read as numbers
 * and checked to be whole, since Jackson would turn 1.5 into class 1 without a word; fields it does not take are
 * kept in {@code others}, to be refused as query parameters are.
 */
public record CheckPatternRequest(
        @JsonProperty("coordinates") List<Box> coordinates,
        @JsonProperty("class_ids") @Schema(type = SchemaType.ARRAY, implementation = Integer.class)
        List<Double> classIds,
        @JsonProperty("scores") List<Float> scores,
        @JsonProperty("pattern_key") String patternKey,
        @JsonProperty("pattern") JsonNode pattern,
        @JsonProperty("min_score") Double minScore,
        @JsonProperty("strict") Boolean strict,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {

    /** The body's field names, as the record's components name them. */
    static final List<String> FIELDS = RequestParameters.bodyFields(CheckPatternRequest.class);

    public CheckPatternRequest {
        others = others == null ? Map.of() : others;
    }
}
