package io.visualinspection.model.manifest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a model is and how to use it: the manifest of a model folder, completed with what was inferred
 * from the model itself (input size, output format, class names from its metadata), and where it runs
 * (execution provider; why it fell back to the CPU, if it did). {@code GET /models} lists these.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelManifest(
        @JsonProperty("name") String name,
        @JsonProperty("version") String version,
        @JsonProperty("description") String description,
        @JsonProperty("task") String task,
        @JsonProperty("output_format") String outputFormat,
        @JsonProperty("input_width") Integer inputWidth,
        @JsonProperty("input_height") Integer inputHeight,
        @JsonProperty("class_names") List<String> classNames,
        @JsonProperty("class_colors") List<String> classColors,
        @JsonProperty("parameters") List<ModelParameter> parameters,
        @JsonProperty("default") Boolean isDefault,
        @JsonProperty("execution_provider") String executionProvider,
        @JsonProperty("execution_provider_fallback") String executionProviderFallback) {

    public static final String SCORE_THRESHOLD = "score_threshold";
    public static final String IOU_THRESHOLD = "iou_threshold";
    public static final String MAX_DETECTIONS = "max_detections";

    /** The parameters every detection model has, with these defaults. */
    public static List<ModelParameter> standardParameters(double score, double iou, int maxDetections) {
        return List.of(
                new ModelParameter(SCORE_THRESHOLD, ModelParameter.FLOAT, score, 0, 1, 0.01,
                        "detections scoring at or below this are dropped"),
                new ModelParameter(IOU_THRESHOLD, ModelParameter.FLOAT, iou, 0, 1, 0.01,
                        "overlapping boxes of one class above this IoU are merged (NMS)"),
                new ModelParameter(MAX_DETECTIONS, ModelParameter.INT, maxDetections, 1, 1000, 1.0,
                        "at most this many detections, best first"));
    }

    public ModelParameter parameter(String parameterName) {
        return parameters == null ? null
                : parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst().orElse(null);
    }

    public ModelManifest withDefault(boolean value) {
        return new ModelManifest(name, version, description, task, outputFormat, inputWidth, inputHeight, classNames,
                classColors, parameters, value, executionProvider, executionProviderFallback);
    }
}
