package io.visualinspection.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code POST /inference} answers (SPEC "Inference"): the three parallel lists of the ancestor,
 * boxes in pixels of the original image, plus class names, the model that produced them, the image size
 * and per-stage timings in milliseconds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record InferenceResult(
        @JsonProperty("bboxes") List<Box> bboxes,
        @JsonProperty("class_ids") List<Integer> classIds,
        @JsonProperty("scores") List<Float> scores,
        @JsonProperty("class_names") List<String> classNames,
        @JsonProperty("model") String model,
        @JsonProperty("model_version") String modelVersion,
        @JsonProperty("image_width") Integer imageWidth,
        @JsonProperty("image_height") Integer imageHeight,
        @JsonProperty("timings_ms") Map<String, Double> timingsMs) {

    public InferenceResult {
        bboxes = bboxes == null ? List.of() : List.copyOf(bboxes);
        classIds = classIds == null ? List.of() : List.copyOf(classIds);
        scores = scores == null ? List.of() : List.copyOf(scores);
        if (bboxes.size() != classIds.size() || bboxes.size() != scores.size()) {
            throw new IllegalArgumentException("bboxes, class_ids and scores must have the same length, got "
                    + bboxes.size() + ", " + classIds.size() + ", " + scores.size());
        }
        if (classNames != null && classNames.size() != bboxes.size()) {
            throw new IllegalArgumentException("class_names must have one name per box");
        }
    }

    /** The result for these detections (pixel boxes), naming classes from {@code classNames}. */
    public static InferenceResult of(List<Detection> detections, ClassNames names, String model,
            String modelVersion, int imageWidth, int imageHeight, Map<String, Double> timingsMs) {
        List<Box> boxes = new ArrayList<>(detections.size());
        List<Integer> ids = new ArrayList<>(detections.size());
        List<Float> scores = new ArrayList<>(detections.size());
        List<String> labels = new ArrayList<>(detections.size());
        for (Detection d : detections) {
            boxes.add(d.box());
            ids.add(d.classId());
            scores.add(d.score());
            labels.add(names.nameOf(d.classId()));
        }
        return new InferenceResult(boxes, ids, scores, labels, model, modelVersion, imageWidth, imageHeight,
                timingsMs);
    }

    /** The detections in pixels of the original image, in answer order. */
    @JsonIgnore
    public List<Detection> detections() {
        List<Detection> out = new ArrayList<>(bboxes.size());
        for (int i = 0; i < bboxes.size(); i++) {
            out.add(new Detection(bboxes.get(i), classIds.get(i), scores.get(i)));
        }
        return out;
    }

    /** The name of detection {@code i}: the model's, or {@code class <id>} when the model gave none. */
    public String classNameOf(int i) {
        return classNames != null ? classNames.get(i) : ClassNames.fallbackName(classIds.get(i));
    }
}
