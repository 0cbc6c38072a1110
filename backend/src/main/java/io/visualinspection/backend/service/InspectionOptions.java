package io.visualinspection.backend.service;

import java.util.Map;

/**
 * What a caller asks of one inspection beside the image: which pattern (null: the default), the minimum
 * score, strictness (null: the pattern's own), which parts of the result to return, and which model with
 * which of its parameters (null and empty: the inference service's default model as configured).
 */
public record InspectionOptions(String patternKey, double minScore, Boolean strict, int returnOptions,
        String model, Map<String, String> modelParameters) {

    public static final int DECISION = 1;
    public static final int PATTERN = 2;
    public static final int IMAGE = 4;
    public static final int IMAGE_DRAWN = 8;
    public static final int BOXES = 16;
    public static final int CLASS_IDS = 32;
    public static final int SCORES = 64;
    public static final int ALL = 127;

    public InspectionOptions {
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new IllegalArgumentException("min_score must be in 0..1, got " + minScore);
        }
        modelParameters = modelParameters == null ? Map.of() : Map.copyOf(modelParameters);
        if (returnOptions < 0 || returnOptions > ALL) {
            throw new IllegalArgumentException("return_options must be a bitmask in 0..127 (1 decision, 2 pattern, "
                    + "4 image, 8 drawn image, 16 boxes, 32 class ids, 64 scores), got " + returnOptions);
        }
    }

    public boolean wants(int bit) {
        return (returnOptions & bit) != 0;
    }
}
