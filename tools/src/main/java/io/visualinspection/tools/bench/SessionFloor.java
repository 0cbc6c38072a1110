package io.visualinspection.tools.bench;

import ai.onnxruntime.OrtException;
import io.visualinspection.inference.engine.EngineSettings;
import io.visualinspection.inference.engine.ModelLoadException;
import io.visualinspection.inference.engine.OnnxDetector;
import io.visualinspection.model.yolo.Letterbox;
import io.visualinspection.model.yolo.LetterboxTensor;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's own floor: bare {@code session.run} of the model on the letterboxed images, in this process,
 * with the same session settings the inference service uses and no HTTP, decoding or post-processing.
 */
public final class SessionFloor {

    private SessionFloor() {
    }

    public static List<Double> measure(Path modelFolder, EngineSettings settings, List<BufferedImage> images, int warmup,
            int runs, Runnable step) throws ModelLoadException, OrtException {
        try (OnnxDetector detector = OnnxDetector.load(modelFolder, settings)) {
            List<FloatBuffer> inputs = new ArrayList<>();
            for (BufferedImage image : images) {
                FloatBuffer input = detector.newInputBuffer();
                LetterboxTensor.fill(image, Letterbox.of(image.getWidth(), image.getHeight(), detector.inputWidth(),
                        detector.inputHeight()), input);
                inputs.add(input);
            }
            for (int i = 0; i < warmup; i++) {
                detector.timeSessionRun(inputs.get(i % inputs.size()));
            }
            List<Double> millis = new ArrayList<>(runs);
            for (int i = 0; i < runs; i++) {
                millis.add(detector.timeSessionRun(inputs.get(i % inputs.size())));
                step.run();
            }
            return millis;
        }
    }
}
