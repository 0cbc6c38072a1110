package io.visualinspection.tools.detect;

import io.visualinspection.model.Detection;
import io.visualinspection.model.InferenceResult;
import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.model.image.ImageDecodeException;
import io.visualinspection.model.labels.LabelledObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One image file, decoded, with what a detector found in it: as pixel detections and as YOLO label lines. */
public record ImagePrediction(Path file, BufferedImage image, InferenceResult result) {

    /** Reads, decodes and detects one image file. */
    public static ImagePrediction of(Detector detector, Path file) throws IOException, ImageDecodeException,
            DetectorException {
        byte[] bytes = Files.readAllBytes(file);
        BufferedImage image = ImageCodec.decode(bytes);
        return new ImagePrediction(file, image, detector.detect(file.getFileName().toString(), bytes, image));
    }

    /** The detections in pixels of the image. */
    public List<Detection> detections() {
        return result.detections();
    }

    /** The detections as label lines: boxes normalised to the image size, with scores. */
    public List<LabelledObject> objects() {
        return detections().stream().map(d -> LabelledObject.of(d, image.getWidth(), image.getHeight())).toList();
    }

    /** The name of a class, as the detector's answer gives it. */
    public String nameOf(int classId) {
        for (int i = 0; i < result.classIds().size(); i++) {
            if (result.classIds().get(i) == classId) {
                return result.classNameOf(i);
            }
        }
        return "class " + classId;
    }
}
