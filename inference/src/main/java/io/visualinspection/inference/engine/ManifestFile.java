package io.visualinspection.inference.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

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
 * </pre>
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
        @JsonProperty("defaults") Defaults defaults) {

    public record Defaults(
            @JsonProperty("score_threshold") Double scoreThreshold,
            @JsonProperty("iou_threshold") Double iouThreshold,
            @JsonProperty("max_detections") Integer maxDetections) {
    }

    public static final ManifestFile EMPTY = new ManifestFile(null, null, null, null, null, null, null, null, null,
            null);
}
