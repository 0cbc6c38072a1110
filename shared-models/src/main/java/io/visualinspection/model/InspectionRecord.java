package io.visualinspection.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * The traceable record of one inspection, as archived beside its images and as {@code GET /inspections}
 * shows it: the full result (without image data), the parameters it ran with, where its images are, and
 * an operator's overruling verdict if one was given.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record InspectionRecord(
        @JsonProperty("result") InspectionResult result,
        @JsonProperty("parameters") Map<String, String> parameters,
        @JsonProperty("source") String source,
        @JsonProperty("image_file") String imageFile,
        @JsonProperty("drawn_file") String drawnFile,
        @JsonProperty("overrule") Overrule overrule) {

    /** An operator's verdict that replaces the system's decision for this part. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Overrule(
            @JsonProperty("verdict") boolean verdict,
            @JsonProperty("operator") String operator,
            @JsonProperty("comment") String comment,
            @JsonProperty("timestamp") Instant timestamp) {
    }

    public String id() {
        return result.inspectionId();
    }

    public InspectionRecord withOverrule(Overrule newOverrule) {
        return new InspectionRecord(result, parameters, source, imageFile, drawnFile, newOverrule);
    }

    public InspectionRecord withFiles(String newImageFile, String newDrawnFile) {
        return new InspectionRecord(result, parameters, source, newImageFile, newDrawnFile, overrule);
    }

    /** The decision that counts: the operator's if overruled, else the system's. */
    public Boolean finalDecision() {
        return overrule != null ? Boolean.valueOf(overrule.verdict()) : result.decision();
    }
}
