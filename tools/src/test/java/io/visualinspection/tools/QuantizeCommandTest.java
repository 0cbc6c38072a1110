package io.visualinspection.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.visualinspection.inference.engine.EngineSettings;
import io.visualinspection.inference.engine.OnnxDetector;
import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.model.testing.SampleData;
import io.visualinspection.model.testing.SharedData;
import io.visualinspection.tools.quantize.OnnxModel;
import io.visualinspection.tools.quantize.TinyModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuantizeCommandTest {

    private static final Pattern FOUND = Pattern.compile(
            "Detections of yolov5s-coco on 6 images: (\\d+); found by yolov5s-coco-int8: (\\d+) \\(");

    @TempDir
    Path dir;

    /**
     * The sample model quantised on the seed photos: a model folder the inference service's engine loads, which
     * finds at least 90 % of the original's detections on them; --min-found is the gate.
     */
    @Test
    void theSampleModelQuantisedFindsTheOriginalsDetections() throws Exception {
        Path seed = SharedData.require("images/seed");
        Path original = SampleData.models().resolve("yolov5s-coco");
        Path int8 = dir.resolve("yolov5s-coco-int8");
        ToolRun r = ToolRun.run("quantize", "--model-dir", original.toString(), "--calibration-images",
                seed.toString(), "-o", int8.toString(), "--session-runs", "2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("57 of 60 convolutions").contains("session.run p50");
        Matcher m = FOUND.matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        int reference = Integer.parseInt(m.group(1));
        int found = Integer.parseInt(m.group(2));
        assertThat(reference).isGreaterThan(20);
        assertThat(found).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * reference));

        assertThat(Files.size(int8.resolve("model.onnx"))).isLessThan(Files.size(original.resolve("model.onnx")) / 2);
        OnnxModel written = OnnxModel.parse(Files.readAllBytes(int8.resolve("model.onnx")));
        assertThat(written.nodes()).anyMatch(n -> n.opType().equals("QuantizeLinear"));
        // Weights on 7 bits by default: every convolution's largest weight per channel is 63 at most, and reaches it.
        List<OnnxModel.Tensor> weights = written.initializers().values().stream()
                .filter(t -> t.dataType() == OnnxModel.INT8 && t.dims().length == 4).toList();
        assertThat(weights).hasSize(57);
        assertThat(weights).allSatisfy(w -> assertThat(TinyModel.largestMagnitudePerChannel(w))
                .allMatch(max -> max <= 63).contains(63));
        assertThat(int8.resolve("classes.txt")).hasSameTextualContentAs(original.resolve("classes.txt"));
        try (OnnxDetector detector = OnnxDetector.load(int8, EngineSettings.defaults())) {
            assertThat(detector.manifest().name()).isEqualTo("yolov5s-coco-int8");
            assertThat(detector.manifest().description()).startsWith("INT8 (static quantisation) of yolov5s-coco")
                    .contains("weights on 7 bits");
            assertThat(detector.classNames().size()).isEqualTo(80);
            Path photo;
            try (var photos = Files.list(seed)) {
                photo = photos.filter(p -> p.toString().endsWith(".jpg")).sorted().findFirst().orElseThrow();
            }
            assertThat(detector.detect(ImageCodec.decode(Files.readAllBytes(photo)), detector.defaults())
                    .detections()).isNotEmpty();
        }

        ToolRun strict = ToolRun.run("quantize", "--model-dir", original.toString(), "--calibration-images",
                seed.toString(), "-o", int8.toString(), "--session-runs", "0", "--min-found", "1");
        if (found < reference) {
            assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(InspectionTools.PROBLEMS);
            assertThat(strict.err()).contains("FAIL  yolov5s-coco-int8 finds").contains("below --min-found 100.0 %");
        } else {
            assertThat(strict.exitCode()).as(strict.toString()).isZero();
        }
        assertThat(strict.out()).doesNotContain("session.run p50");
    }

    /** A manifest.yml is the manifest as well: its name, defaults and class names carry over. */
    @Test
    void theManifestCarriesOverUnderTheNewName() throws Exception {
        Path seed = SharedData.require("images/seed");
        Path sample = SampleData.models().resolve("yolov5s-coco");
        Path model = Files.createDirectories(dir.resolve("line3"));
        Files.copy(sample.resolve("model.onnx"), model.resolve("model.onnx"));
        Files.writeString(model.resolve("manifest.yml"), "name: line3-parts\nversion: \"2.1\"\n"
                + "defaults: {score_threshold: 0.4}\nclass_names: [" + String.join(", ",
                        Files.readAllLines(sample.resolve("classes.txt")).stream().filter(l -> !l.isBlank())
                                .map(l -> "\"" + l + "\"").toList()) + "]\n");
        Path int8 = dir.resolve("line3-int8");
        ToolRun r = ToolRun.run("quantize", "--model-dir", model.toString(), "--calibration-images", seed.toString(),
                "-o", int8.toString(), "--name", "line3-parts-fast", "--session-runs", "0", "--min-found", "0");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(int8.resolve("manifest.yml")).doesNotExist();
        try (OnnxDetector detector = OnnxDetector.load(int8, EngineSettings.defaults())) {
            assertThat(detector.manifest().name()).isEqualTo("line3-parts-fast");
            assertThat(detector.manifest().version()).isEqualTo("2.1");
            assertThat(detector.defaults().scoreThreshold()).isEqualTo(0.4);
            assertThat(detector.classNames().nameOf(0)).isEqualTo("person");
        }
    }

    @Test
    void theOutputMustBeAnotherFolder() {
        Path model = SampleData.models().resolve("yolov5s-coco");
        ToolRun r = ToolRun.run("quantize", "--model-dir", model.toString(), "--calibration-images",
                SampleData.images().toString(), "-o", model.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--output must be another folder than --model-dir");
    }

    @Test
    void weightsHaveSevenOrEightBits() {
        ToolRun r = ToolRun.run("quantize", "--model-dir", SampleData.models().resolve("yolov5s-coco").toString(),
                "--calibration-images", SampleData.images().toString(), "-o", dir.resolve("out").toString(),
                "--weight-bits", "9");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--weight-bits: weights are quantised on 7 or 8 bits, not 9");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void calibrationNeedsImages() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        ToolRun r = ToolRun.run("quantize", "--model-dir", SampleData.models().resolve("yolov5s-coco").toString(),
                "--calibration-images", empty.toString(), "-o", dir.resolve("out").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--calibration-images: " + empty + " has no images");
    }

    @Test
    void aModelOfAnOldOperatorSetIsAUsageError() throws Exception {
        Path model = Files.createDirectories(dir.resolve("old"));
        Files.write(model.resolve("model.onnx"), TinyModel.convSiluConv(12, 1));
        ToolRun r = ToolRun.run("quantize", "--model-dir", model.toString(), "--calibration-images",
                SampleData.images().toString(), "-o", dir.resolve("out").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--model-dir: the model uses ONNX operator set 12");
    }

    @Test
    void aFileThatIsNotAModelStopsTheRun() throws Exception {
        Path model = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(model.resolve("model.onnx"), "not a model");
        ToolRun r = ToolRun.run("quantize", "--model-dir", model.toString(), "--calibration-images",
                SampleData.images().toString(), "-o", dir.resolve("out").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(InspectionTools.UNEXPECTED);
        assertThat(r.err()).contains("error: not an ONNX model");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
