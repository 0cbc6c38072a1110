package io.visualinspection.tools;

import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.visualinspection.inference.engine.EngineSettings;
import io.visualinspection.inference.engine.ModelLoadException;
import io.visualinspection.inference.engine.OnnxDetector;
import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.model.image.ImageDecodeException;
import io.visualinspection.model.yolo.Letterbox;
import io.visualinspection.model.yolo.LetterboxTensor;
import io.visualinspection.tools.bench.Summary;
import io.visualinspection.tools.cli.Folders;
import io.visualinspection.tools.cli.Progress;
import io.visualinspection.tools.cli.ProgressOption;
import io.visualinspection.tools.dataset.ImageFolder;
import io.visualinspection.tools.quantize.CpuFeatures;
import io.visualinspection.tools.quantize.DetectionAgreement;
import io.visualinspection.tools.quantize.OnnxModel;
import io.visualinspection.tools.quantize.QdqQuantizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Writes an INT8 variant of a model folder and measures what it costs in accuracy and gains in speed. */
@Command(name = "quantize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes an INT8 variant of a model (static quantisation) and compares it with the original.",
                "Calibrates the model on images from the line (the range of every quantised activation, min/max), "
                        + "writes a model folder the inference service loads like any other (model.onnx in ONNX's QDQ "
                        + "form, manifest.yaml with the new name, the other files copied), then runs both models over "
                        + "the comparison images and prints how many of the original's detections the INT8 model "
                        + "finds (same class, IoU >= 0.5), how far its boxes and scores move, and both models' "
                        + "session.run time measured alternately in this process.",
                "Quantised: convolutions, Sigmoid, Mul, Add, Concat, MaxPool and Resize upstream of the last "
                        + "convolutions; those that produce the outputs, and the box decoding after them, stay float.",
                "Exit code 1 when the INT8 model finds fewer than --min-found of the original's detections (the "
                        + "folder is written all the same, for a look); 3 when a model cannot be loaded or written."})
class QuantizeCommand implements Callable<Integer> {

    @Option(names = "--model-dir", required = true, paramLabel = "DIR",
            description = "The model folder to quantise (model.onnx, optional manifest.yaml and classes.txt).")
    Path modelDir;

    @Option(names = "--calibration-images", required = true, paramLabel = "DIR",
            description = "Images like those the model will see on the line (JPEG, PNG, BMP, WebP); tens of them "
                    + "from different shifts, products and lighting calibrate better than a few.")
    Path calibrationImages;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "The model folder to write (created; its files are replaced).")
    Path output;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The INT8 model's name in its manifest (default: the original's name with -int8).")
    String name;

    @Option(names = "--compare-images", paramLabel = "DIR",
            description = "Images to compare the two models on (default: the calibration images; images the "
                    + "calibration has not seen give the fairer figure).")
    Path compareImages;

    @Option(names = "--min-found", paramLabel = "0..1", defaultValue = "0.9",
            description = "The share of the original's detections the INT8 model must find (default: "
                    + "${DEFAULT-VALUE}).")
    double minFound;

    @Option(names = "--weight-bits", paramLabel = "7|8", defaultValue = "7",
            description = "Bits of the weights (default: ${DEFAULT-VALUE}). With 7 a model is as accurate on a CPU "
                    + "without VNNI as on one with it; 8 only on CPUs with VNNI (AVX512-VNNI or AVX-VNNI), where ONNX "
                    + "Runtime's integer kernels add in 32 bits; elsewhere they add pairs of products in 16 bits, "
                    + "which 8-bit weights overflow.")
    int weightBits;

    @Option(names = "--session-runs", paramLabel = "N", defaultValue = "40",
            description = "session.run calls timed per model, in alternating rounds (default: ${DEFAULT-VALUE}; "
                    + "0 skips the timing).")
    int sessionRuns;

    @Mixin
    ProgressOption progress;

    @Spec
    CommandSpec spec;

    private static final int ROUNDS = 4;
    private static final int TIMING_IMAGES = 8;
    private static final List<String> MANIFESTS = List.of("manifest.yaml", "manifest.yml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES));

    @Override
    public Integer call() throws IOException, ModelLoadException, OrtException {
        Folders.requireFolder(spec, modelDir, "--model-dir");
        Folders.requireFolder(spec, calibrationImages, "--calibration-images");
        Folders.requireFolder(spec, compareImages, "--compare-images");
        if (!(minFound >= 0 && minFound <= 1)) {
            throw new ParameterException(spec.commandLine(), "--min-found must be in 0..1, got " + minFound);
        }
        try {
            QdqQuantizer.checkWeightBits(weightBits); // before the calibration, not after it
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--weight-bits: " + e.getMessage());
        }
        if (sessionRuns < 0) {
            throw new ParameterException(spec.commandLine(), "--session-runs must be 0 or more, got " + sessionRuns);
        }
        if (Files.exists(output) && Files.isSameFile(output, modelDir)) {
            throw new ParameterException(spec.commandLine(), "--output must be another folder than --model-dir");
        }
        ImageFolder calibration = imagesOf(calibrationImages, "--calibration-images");
        ImageFolder comparison = compareImages != null ? imagesOf(compareImages, "--compare-images") : calibration;
        PrintWriter out = spec.commandLine().getOut();
        Path sourceFile = OnnxDetector.findModelFile(modelDir);
        OnnxModel model = OnnxModel.parse(Files.readAllBytes(sourceFile));
        QdqQuantizer quantizer;
        try {
            quantizer = QdqQuantizer.plan(model);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--model-dir: " + e.getMessage());
        }
        out.printf("Quantising %s: %d of %d nodes, %d of %d convolutions (those producing the outputs stay float)%n",
                sourceFile, quantizer.quantizedNodes(), model.nodes().size(), quantizer.quantizedConvolutions(),
                quantizer.convolutions());
        try (OnnxDetector original = OnnxDetector.load(modelDir, EngineSettings.defaults())) {
            String sourceName = original.manifest().name();
            byte[] quantized = quantizer.quantize(calibrate(quantizer, original, calibration), weightBits);
            String newName = name != null ? name : sourceName + "-int8";
            writeFolder(newName, sourceName, calibration.size(), quantized);
            out.printf("Calibrated on %d images of %s; wrote %s (%s, weights on %d bits, %.1f MB; the original "
                    + "%.1f MB)%n", calibration.size(), calibrationImages, output.resolve("model.onnx"), newName,
                    weightBits, quantized.length / 1e6, Files.size(sourceFile) / 1e6);

            DetectionAgreement agreement;
            try (OnnxDetector int8 = OnnxDetector.load(output, EngineSettings.defaults())) {
                agreement = compare(original, int8, comparison);
                out.printf(Locale.ROOT, "Detections of %s on %d images: %d; found by %s: %d (%.1f %%), extra %d%n",
                        sourceName, comparison.size(), agreement.reference(), newName, agreement.found(),
                        100 * agreement.foundShare(), agreement.extra());
                out.printf(Locale.ROOT, "Boxes found: IoU with the original's mean %.3f, min %.3f; score "
                        + "difference mean %.3f, max %.3f%n", agreement.meanIou(), agreement.minIou(),
                        agreement.meanScoreDifference(), agreement.maxScoreDifference());
                agreement.disagreements().forEach(d -> out.println("  " + d));
                if (weightBits == 8 && !CpuFeatures.vnni().orElse(true)) {
                    out.println("This CPU has no VNNI: ONNX Runtime adds pairs of products in 16 bits here, which "
                            + "8-bit weights can overflow; --weight-bits 7 avoids it.");
                }
                if (sessionRuns > 0) {
                    timeSessions(out, original, int8, timingInputs(original, comparison));
                }
            }
            if (agreement.foundShare() < minFound) {
                out.flush();
                spec.commandLine().getErr().printf(Locale.ROOT, "FAIL  %s finds %.1f %% of the original's "
                        + "detections, below --min-found %.1f %%%n", newName, 100 * agreement.foundShare(),
                        100 * minFound);
                spec.commandLine().getErr().flush();
                return InspectionTools.PROBLEMS;
            }
        }
        out.flush();
        return 0;
    }

    /** The activations' ranges over the calibration images, letterboxed as the detector fills its input. */
    private Map<String, QdqQuantizer.Range> calibrate(QdqQuantizer quantizer, OnnxDetector original,
            ImageFolder images) throws IOException, OrtException {
        long[] shape = {1, 3, original.inputHeight(), original.inputWidth()};
        FloatBuffer input = original.newInputBuffer();
        try (QdqQuantizer.Calibration calibration = quantizer.calibration();
                Progress bar = Progress.start("Calibrating", images.size(), progress.show())) {
            for (Path file : images.byImage().values()) {
                bar.working(file.getFileName().toString());
                letterbox(original, decode(file), input);
                calibration.add(input, shape);
                bar.step();
            }
            return calibration.ranges();
        }
    }

    /** The first few comparison images as input tensors, for timing both sessions on the same data. */
    private static List<FloatBuffer> timingInputs(OnnxDetector detector, ImageFolder images) throws IOException {
        List<FloatBuffer> inputs = new ArrayList<>();
        for (Path file : images.byImage().values().stream().limit(TIMING_IMAGES).toList()) {
            FloatBuffer input = detector.newInputBuffer();
            letterbox(detector, decode(file), input);
            inputs.add(input);
        }
        return inputs;
    }

    private static void letterbox(OnnxDetector detector, BufferedImage image, FloatBuffer input) {
        LetterboxTensor.fill(image, Letterbox.of(image.getWidth(), image.getHeight(), detector.inputWidth(),
                detector.inputHeight()), input.clear());
    }

    private ImageFolder imagesOf(Path folder, String option) throws IOException {
        ImageFolder images = ImageFolder.list(folder);
        if (images.size() == 0) {
            throw new ParameterException(spec.commandLine(), option + ": " + folder
                    + " has no images (JPEG, PNG, BMP, WebP)");
        }
        return images;
    }

    private DetectionAgreement compare(OnnxDetector original, OnnxDetector int8, ImageFolder images)
            throws IOException, OrtException {
        DetectionAgreement.Tally tally = new DetectionAgreement.Tally();
        try (Progress bar = Progress.start("Comparing", images.size(), progress.show())) {
            for (Map.Entry<String, Path> e : images.byImage().entrySet()) {
                bar.working(e.getValue().getFileName().toString());
                BufferedImage image = decode(e.getValue());
                tally.add(e.getKey(), original.detect(image, original.defaults()).detections(),
                        int8.detect(image, original.defaults()).detections(), original.classNames()::nameOf);
                bar.step();
            }
        }
        return tally.result();
    }

    /** Both models' session.run on the same inputs, in alternating rounds so that both see the same minutes. */
    private void timeSessions(PrintWriter out, OnnxDetector original, OnnxDetector int8, List<FloatBuffer> inputs)
            throws OrtException {
        Map<OnnxDetector, List<Double>> millis = new LinkedHashMap<>();
        millis.put(original, new ArrayList<>());
        millis.put(int8, new ArrayList<>());
        int perRound = Math.max(1, sessionRuns / ROUNDS);
        for (int round = 0; round < ROUNDS; round++) {
            for (Map.Entry<OnnxDetector, List<Double>> e : millis.entrySet()) {
                e.getKey().timeSessionRun(inputs.get(0)); // the other model ran last: one unmeasured run
                for (int i = 0; i < perRound; i++) {
                    e.getValue().add(e.getKey().timeSessionRun(inputs.get(i % inputs.size())));
                }
            }
        }
        Summary o = Summary.of(millis.get(original));
        Summary q = Summary.of(millis.get(int8));
        out.printf(Locale.ROOT, "session.run p50 (%d runs each, %d rounds alternating): original %.1f ms, INT8 %.1f "
                + "ms, %.2f x as fast%n", o.count(), ROUNDS, o.p50(), q.p50(), o.p50() / q.p50());
    }

    private static BufferedImage decode(Path file) throws IOException {
        try {
            return ImageCodec.decode(Files.readAllBytes(file));
        } catch (ImageDecodeException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** model.onnx, manifest.yaml under the new name, and the original folder's other files. */
    private void writeFolder(String newName, String sourceName, int images, byte[] quantized) throws IOException {
        Folders.createFolder(output);
        ObjectNode manifest = YAML.createObjectNode();
        for (String manifestName : MANIFESTS) { // as the inference service reads them
            Path sourceFile = modelDir.resolve(manifestName);
            if (Files.isRegularFile(sourceFile)) {
                manifest = (ObjectNode) YAML.readTree(sourceFile.toFile());
                break;
            }
        }
        String description = manifest.path("description").asText("");
        manifest.put("name", newName);
        manifest.put("description", String.format(Locale.ROOT, "INT8 (static quantisation) of %s, calibrated on %d "
                + "images, weights on %d bits%s", sourceName, images, weightBits,
                description.isEmpty() ? "" : "; " + description));
        try (Stream<Path> files = Files.list(modelDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String fileName = f.getFileName().toString();
                if (!fileName.endsWith(".onnx") && !MANIFESTS.contains(fileName)) {
                    Files.copy(f, output.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.deleteIfExists(output.resolve("manifest.yml"));
        YAML.writeValue(output.resolve("manifest.yaml").toFile(), manifest);
        Files.write(output.resolve("model.onnx"), quantized);
    }
}
