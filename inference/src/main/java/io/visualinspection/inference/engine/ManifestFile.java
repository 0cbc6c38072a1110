package io.visualinspection.inference.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.visualinspection.model.manifest.ModelManifest;
import io.visualinspection.model.manifest.ModelParameter;
import io.visualinspection.model.yolo.DecodeOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.yaml} of a model folder as written by people; every field is optional and what is
 * missing is inferred from the model or takes the standard default.
 *
 * <pre>
 * name: yolov5s-coco
 * version: "1.0"
 * description: YOLOv5s trained on COCO
 * task: detect
 * output_format: yolov5          # yolov5 | yolov8 (yolo11) | yolov7-e2e | yolov10; default: from the output shape
 * input_size: [640, 640]         # default: from the model's input shape
 * classes_file: classes.txt      # or class_names: [a, b, ...]; default: the model's "names" metadata
 * class_colors: ["#ff3838"]      # optional, per class
 * defaults: {score_threshold: 0.25, iou_threshold: 0.45, max_detections: 300}
 * parameters:                    # optional: narrower ranges, steps or texts for the adjustable parameters
 *   score_threshold: {min: 0.2, max: 0.9, step: 0.05, description: "below 0.2 this model sees ghosts"}
 * </pre>
 *
 * Unknown fields are refused (a misspelt {@code defualts} must not silently fall back to the defaults).
 */
public record ManifestFile(
        @JsonProperty("name") String name,
        @JsonProperty("version") String version,
        @JsonProperty("description") String description,
        @JsonProperty("task") String task,
        @JsonProperty("output_format") String outputFormat,
        @JsonProperty("input_size") List<Integer> inputSize,
        @JsonProperty("classes_file") String classesFile,
        @JsonProperty("class_names") List<String> classNames,
        @JsonProperty("class_colors") List<String> classColors,
        @JsonProperty("defaults") Defaults defaults,
        @JsonProperty("parameters") Map<String, ParameterRange> parameters) {

    /** What a manifest may change of an adjustable parameter; each field optional. */
    public record ParameterRange(
            @JsonProperty("min") Double min,
            @JsonProperty("max") Double max,
            @JsonProperty("step") Double step,
            @JsonProperty("default") Double defaultValue,
            @JsonProperty("description") String description) {
    }

    public record Defaults(
            @JsonProperty("score_threshold") Double scoreThreshold,
            @JsonProperty("iou_threshold") Double iouThreshold,
            @JsonProperty("max_detections") Integer maxDetections) {
    }

    /**
     * The adjustable parameters: the standard three with the defaults of {@code defaults} (or the standard
     * ones), narrowed by {@code parameters}. A range can only narrow the engine's own (thresholds 0..1,
     * max_detections 1..1000); an unknown name or a default outside its range is refused with the reason.
     */
    public List<ModelParameter> adjustableParameters(DecodeOptions standard) {
        Defaults d = defaults;
        List<ModelParameter> out = new ArrayList<>();
        for (ModelParameter p : ModelManifest.standardParameters(
                d != null && d.scoreThreshold() != null ? d.scoreThreshold() : standard.scoreThreshold(),
                d != null && d.iouThreshold() != null ? d.iouThreshold() : standard.iouThreshold(),
                d != null && d.maxDetections() != null ? d.maxDetections() : standard.maxDetections())) {
            ParameterRange r = parameters == null ? null : parameters.get(p.name());
            if (r == null) {
                out.add(p);
                continue;
            }
            double min = r.min() != null ? r.min() : p.min();
            double max = r.max() != null ? r.max() : p.max();
            if (min < p.min() || max > p.max() || min > max) {
                throw new IllegalArgumentException("parameters." + p.name() + ": range " + min + ".." + max
                        + " must lie within " + p.range());
            }
            if (r.step() != null && !(r.step() > 0 && r.step() <= max - min)) {
                throw new IllegalArgumentException("parameters." + p.name() + ": step " + r.step()
                        + " must be above 0 and at most the range's width");
            }
            double def = r.defaultValue() != null ? r.defaultValue() : Math.min(Math.max(p.defaultValue(), min), max);
            out.add(new ModelParameter(p.name(), p.type(), def, min, max, r.step() != null ? r.step() : p.step(),
                    r.description() != null ? r.description() : p.description()));
        }
        if (parameters != null) {
            for (String name : parameters.keySet()) {
                if (out.stream().noneMatch(p -> p.name().equals(name))) {
                    throw new IllegalArgumentException("parameters: unknown parameter '" + name + "'; adjustable are "
                            + out.stream().map(ModelParameter::name).toList());
                }
            }
        }
        return List.copyOf(out);
    }

    public static final ManifestFile EMPTY = new ManifestFile(null, null, null, null, null, null, null, null, null,
            null, null);
}
