package io.visualinspection.inference.engine;

import io.visualinspection.model.Detection;
import java.util.List;

/** Detections in pixels of the source image, with the milliseconds each engine stage took. */
public record DetectionRun(List<Detection> detections, double preprocessMs, double sessionMs, double postprocessMs) {
}
