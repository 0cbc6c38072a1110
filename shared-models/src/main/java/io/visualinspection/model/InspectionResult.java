package io.visualinspection.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an inspection answers (SPEC "Backend"): the decision and the pattern's per-item flags, the images
 * (base64 JPEG), the detections, plus what makes a result traceable: an id, a timestamp, the model and
 * per-stage timings in milliseconds. Fields the caller did not ask for ({@code return_options}) are
 * absent; {@code decision} is null only when no pattern was checked, and {@code reason} then says why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record InspectionResult(
        @JsonProperty("inspection_id") String inspectionId,
        @JsonProperty("timestamp") Instant timestamp,
        @JsonProperty("decision") Boolean decision,
        @JsonProperty("reason") String reason,
        @JsonProperty("pattern_key") String patternKey,
        @JsonProperty("pattern_name") String patternName,
        @JsonProperty("pattern_lg") List<Boolean> patternLg,
        @JsonProperty("images") Images images,
        @JsonProperty("results") Results results,
        @JsonProperty("model") String model,
        @JsonProperty("model_version") String modelVersion,
        @JsonProperty("image_width") Integer imageWidth,
        @JsonProperty("image_height") Integer imageHeight,
        @JsonProperty("min_score") Double minScore,
        @JsonProperty("timings_ms") Map<String, Double> timingsMs) {

    /** The images of an inspection, base64-encoded JPEG: as taken, and with the result drawn on it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Images(@JsonProperty("img") String img, @JsonProperty("img_drawn") String imgDrawn) {
    }

    /** The detections an inspection used, boxes in pixels of the image, as parallel lists. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Results(
            @JsonProperty("bboxes") List<Box> bboxes,
            @JsonProperty("class_ids") List<Integer> classIds,
            @JsonProperty("scores") List<Float> scores,
            @JsonProperty("class_names") List<String> classNames) {
    }

    /** Number of items of the reported variant that were found, or 0. */
    public int matchedItems() {
        return patternLg == null ? 0 : (int) patternLg.stream().filter(Boolean::booleanValue).count();
    }

    public int totalItems() {
        return patternLg == null ? 0 : patternLg.size();
    }
}
