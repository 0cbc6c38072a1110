package io.visualinspection.inference.engine;

import io.visualinspection.model.Detection;
import java.util.List;

/**
 * Detections in pixels of the source image, with the milliseconds each engine stage took, and whether the run
 * had one core beside others (the one-thread session) rather than all the session's threads.
 */
public record DetectionRun(List<Detection> detections, double preprocessMs, double sessionMs, double postprocessMs,
        boolean oneCore) {
}
