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
 * with the same session settings the inference service uses and no HTTP, decoding or post-processing. Kept open
 * so that it can be measured in rounds between rounds of load.
 */
public final class SessionFloor implements AutoCloseable {

    private final OnnxDetector detector;
    private final List<FloatBuffer> inputs = new ArrayList<>();
    private int next;

    private SessionFloor(OnnxDetector detector) {
        this.detector = detector;
    }

    /** Loads the model, letterboxes the images into input tensors and runs {@code warmup} unmeasured runs. */
    public static SessionFloor open(Path modelFolder, EngineSettings settings, List<BufferedImage> images, int warmup)
            throws ModelLoadException, OrtException {
        SessionFloor floor = new SessionFloor(OnnxDetector.load(modelFolder, settings));
        try {
            for (BufferedImage image : images) {
                FloatBuffer input = floor.detector.newInputBuffer();
                LetterboxTensor.fill(image, Letterbox.of(image.getWidth(), image.getHeight(),
                        floor.detector.inputWidth(), floor.detector.inputHeight()), input);
                floor.inputs.add(input);
            }
            for (int i = 0; i < warmup; i++) {
                floor.run();
            }
            return floor;
        } catch (OrtException | RuntimeException e) {
            floor.close();
            throw e;
        }
    }

    /** {@code runs} session runs, the images in turn (continuing where the last call stopped); milliseconds each. */
    public List<Double> measure(int runs, Runnable step) throws OrtException {
        List<Double> millis = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            millis.add(run());
            step.run();
        }
        return millis;
    }

    private double run() throws OrtException {
        return detector.timeSessionRun(inputs.get(next++ % inputs.size()));
    }

    @Override
    public void close() {
        detector.close();
    }
}
