package io.visualinspection.tools.detect;

import ai.onnxruntime.OrtException;
import io.visualinspection.inference.engine.DetectionRun;
import io.visualinspection.inference.engine.EngineSettings;
import io.visualinspection.inference.engine.ModelLoadException;
import io.visualinspection.inference.engine.OnnxDetector;
import io.visualinspection.model.ClassNames;
import io.visualinspection.model.InferenceResult;
import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.model.image.ImageDecodeException;
import io.visualinspection.model.image.ReducedImage;
import io.visualinspection.model.yolo.DecodeOptions;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Detection in this process with the inference service's own engine ({@link OnnxDetector}), same results. */
public final class InProcessDetector implements Detector {

    private final OnnxDetector detector;
    private final DecodeOptions options;

    private InProcessDetector(OnnxDetector detector, DecodeOptions options) {
        this.detector = detector;
        this.options = options;
    }

    /**
     * Loads a model folder ({@code model.onnx}, optional {@code manifest.yaml} and {@code classes.txt});
     * thresholds left null are the model's defaults.
     */
    public static InProcessDetector load(Path modelFolder, Double scoreThreshold, Double iouThreshold)
            throws DetectorException {
        OnnxDetector detector;
        try {
            detector = OnnxDetector.load(modelFolder, EngineSettings.defaults());
        } catch (ModelLoadException e) {
            throw new DetectorException("cannot load the model: " + e.getMessage(), false, e);
        }
        DecodeOptions defaults = detector.defaults();
        DecodeOptions options = new DecodeOptions(
                scoreThreshold != null ? scoreThreshold : defaults.scoreThreshold(),
                iouThreshold != null ? iouThreshold : defaults.iouThreshold(),
                defaults.maxDetections());
        return new InProcessDetector(detector, options);
    }

    @Override
    public InferenceResult detect(String fileName, byte[] bytes, BufferedImage image) throws DetectorException {
        ReducedImage input = forModel(fileName, bytes, image);
        DetectionRun run;
        try {
            run = detector.detect(input, options, false);
        } catch (OrtException e) {
            throw new DetectorException("the model failed on " + fileName + ": " + e.getMessage(), false, e);
        }
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("preprocess", run.preprocessMs());
        timings.put("inference", run.sessionMs());
        timings.put("postprocess", run.postprocessMs());
        return InferenceResult.of(run.detections(), detector.classNames(), detector.manifest().name(),
                detector.manifest().version(), input.width(), input.height(), timings);
    }

    /**
     * The image as the inference service decodes an upload by default: a large JPEG again from its bytes, reduced
     * (see {@link ImageCodec#decodeForInput}), so that both find the same objects; any other as it is.
     */
    private ReducedImage forModel(String fileName, byte[] bytes, BufferedImage image) throws DetectorException {
        if (bytes == null || ImageCodec.reductionFor(image.getWidth(), image.getHeight(), detector.inputWidth(),
                detector.inputHeight()) == 1) {
            return ReducedImage.full(image);
        }
        try {
            return ImageCodec.decodeForInput(bytes, ImageCodec.DEFAULT_MAX_PIXELS, detector.inputWidth(),
                    detector.inputHeight());
        } catch (ImageDecodeException e) {
            throw new DetectorException(fileName + " cannot be decoded: " + e.getMessage(), true, e);
        }
    }

    @Override
    public ClassNames classNames() {
        return detector.classNames();
    }

    @Override
    public String description() {
        return "model " + detector.manifest().name() + " " + detector.manifest().version() + " (" + detector.folder()
                + ", in process)";
    }

    @Override
    public void close() {
        detector.close();
    }
}
