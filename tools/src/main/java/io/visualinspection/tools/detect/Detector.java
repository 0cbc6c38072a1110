package io.visualinspection.tools.detect;

import io.visualinspection.model.ClassNames;
import io.visualinspection.model.InferenceResult;
import java.awt.image.BufferedImage;

/**
 * A YOLO model that detects objects in images: the inference service over HTTP, or the same engine in this
 * process. Either way the answer is the inference service's {@link InferenceResult}, boxes in pixels of the
 * image.
 */
public interface Detector extends AutoCloseable {

    /**
     * Detects the objects of one image.
     *
     * @param fileName the image's file name (sent along over HTTP)
     * @param bytes the image file's bytes
     * @param image the same image decoded
     */
    InferenceResult detect(String fileName, byte[] bytes, BufferedImage image) throws DetectorException;

    /** The model's class names, as far as they are known (possibly none). */
    ClassNames classNames();

    /** Where the detections come from, for reports. */
    String description();

    @Override
    void close();
}
