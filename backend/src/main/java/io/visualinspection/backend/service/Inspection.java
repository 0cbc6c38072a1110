package io.visualinspection.backend.service;

import io.visualinspection.model.InferenceResult;
import io.visualinspection.model.InspectionResult;
import io.visualinspection.model.pattern.Pattern;
import io.visualinspection.model.pattern.PatternCheckResult;

/**
 * One finished inspection: the full result, plus what is needed to show its images later (the image as
 * taken, the pattern and check). The drawn image is made only when someone asks for it.
 */
public record Inspection(InspectionResult result, byte[] image, String imageMediaType, InferenceResult inference,
        Pattern pattern, PatternCheckResult check, byte[] drawnJpeg) {

    public Inspection withDrawn(byte[] jpeg) {
        return new Inspection(result, image, imageMediaType, inference, pattern, check, jpeg);
    }
}
