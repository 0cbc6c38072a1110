package io.visualinspection.tools.cli;

import io.visualinspection.tools.detect.Detector;
import io.visualinspection.tools.detect.DetectorException;
import io.visualinspection.tools.detect.HttpDetector;
import io.visualinspection.tools.detect.InProcessDetector;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Which model detects: a running inference service, or a model folder run in this process. */
public class ModelOptions {

    @Option(names = "--inference-url", paramLabel = "URL",
            description = {"Detect through a running inference service with this base URL, e.g. "
                    + "http://127.0.0.1:5052 (POST /inference, or POST /models/NAME/detect with --model)."})
    URI inferenceUrl;

    @Option(names = "--model-dir", paramLabel = "DIR",
            description = {"Detect in this process with the model of this folder (model.onnx, optional "
                    + "manifest.yaml and classes.txt), the inference service's own engine."})
    Path modelDir;

    @Option(names = "--model", paramLabel = "NAME",
            description = {"With --inference-url: the model to use, by name (POST /models/NAME/detect). "
                    + "Default: the service's default model (POST /inference)."})
    String modelName;

    @Option(names = "--score-threshold", paramLabel = "0..1",
            description = {"Detections scoring at or below this are dropped by the model. Default: the model's "
                    + "own (its manifest; 0.25 without one)."})
    Double scoreThreshold;

    @Option(names = "--iou-threshold", paramLabel = "0..1",
            description = {"Overlapping boxes of one class above this IoU are merged (NMS). Default: the "
                    + "model's own (0.45 without a manifest)."})
    Double iouThreshold;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = {"With --inference-url: how long to wait for each answer (default: ${DEFAULT-VALUE} s)."})
    int timeoutSeconds = 60;

    /** True when a model was named (either way). */
    public boolean given() {
        return inferenceUrl != null || modelDir != null;
    }

    /** Usage errors (exit code 2) for contradicting or out-of-range options. */
    public void validate(CommandSpec spec, boolean required) {
        if (inferenceUrl != null && modelDir != null) {
            throw new ParameterException(spec.commandLine(), "give either --inference-url or --model-dir, not both");
        }
        if (required && !given()) {
            throw new ParameterException(spec.commandLine(), "give the model: --inference-url URL or --model-dir DIR");
        }
        if (modelName != null && inferenceUrl == null) {
            throw new ParameterException(spec.commandLine(), "--model names a model of the inference service; "
                    + "it needs --inference-url (with --model-dir the folder is the model)");
        }
        if (inferenceUrl != null && (inferenceUrl.getScheme() == null || !inferenceUrl.getScheme().startsWith("http")
                || inferenceUrl.getHost() == null)) {
            throw new ParameterException(spec.commandLine(), "--inference-url must be an http(s) URL such as "
                    + "http://127.0.0.1:5052, got " + inferenceUrl);
        }
        if (modelDir != null) {
            Folders.requireFolder(spec, modelDir, "--model-dir");
        }
        checkThreshold(spec, "--score-threshold", scoreThreshold);
        checkThreshold(spec, "--iou-threshold", iouThreshold);
        if (timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
        }
    }

    /** The detector these options name. */
    public Detector open() throws DetectorException {
        if (inferenceUrl != null) {
            return new HttpDetector(inferenceUrl, modelName, scoreThreshold, iouThreshold,
                    Duration.ofSeconds(timeoutSeconds));
        }
        return InProcessDetector.load(modelDir, scoreThreshold, iouThreshold);
    }

    private static void checkThreshold(CommandSpec spec, String option, Double value) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new ParameterException(spec.commandLine(), option + " must be in 0..1, got " + value);
        }
    }
}
