package io.visualinspection.inference.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visualinspection.model.manifest.ModelManifest;
import io.visualinspection.model.manifest.ModelParameter;
import io.visualinspection.model.yolo.DecodeOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A manifest narrows the adjustable parameters a UI shows and the service accepts; mistakes reject the model. */
class ManifestParametersTest {

    private static final Path SAMPLE = Path.of("../samples/models/yolov5s-coco");

    @TempDir
    Path models;

    private static ManifestFile manifest(ManifestFile.Defaults defaults, Map<String, ManifestFile.ParameterRange> ranges) {
        return new ManifestFile(null, null, null, null, null, null, null, null, null, defaults, ranges);
    }

    private static ModelParameter named(List<ModelParameter> parameters, String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void withoutParametersTheStandardOnesCarryTheManifestDefaults() {
        List<ModelParameter> p = manifest(new ManifestFile.Defaults(0.4, null, 50), null)
                .adjustableParameters(DecodeOptions.DEFAULT);
        assertThat(p).extracting(ModelParameter::name).containsExactly(ModelManifest.SCORE_THRESHOLD,
                ModelManifest.IOU_THRESHOLD, ModelManifest.MAX_DETECTIONS);
        assertThat(named(p, ModelManifest.SCORE_THRESHOLD).defaultValue()).isEqualTo(0.4);
        assertThat(named(p, ModelManifest.IOU_THRESHOLD).defaultValue()).isEqualTo(DecodeOptions.DEFAULT.iouThreshold());
        assertThat(named(p, ModelManifest.MAX_DETECTIONS).defaultValue()).isEqualTo(50);
        assertThat(named(p, ModelManifest.SCORE_THRESHOLD).range()).isEqualTo("0..1");
    }

    @Test
    void aRangeNarrowsAndADefaultOutsideItIsPulledIn() {
        List<ModelParameter> p = manifest(null, Map.of(ModelManifest.SCORE_THRESHOLD,
                new ManifestFile.ParameterRange(0.3, 0.9, 0.05, null, "below 0.3 this model sees ghosts")))
                .adjustableParameters(DecodeOptions.DEFAULT);
        ModelParameter score = named(p, ModelManifest.SCORE_THRESHOLD);
        assertThat(score.range()).isEqualTo("0.3..0.9");
        assertThat(score.step()).isEqualTo(0.05);
        assertThat(score.defaultValue()).isEqualTo(0.3); // the standard 0.25 lies below the range
        assertThat(score.description()).isEqualTo("below 0.3 this model sees ghosts");
        assertThatThrownBy(() -> score.parse("0.2")).hasMessage("score_threshold must be in 0.3..0.9, got 0.2");
    }

    @Test
    void rangesBeyondTheEngineUnknownNamesAndBadStepsAreRefused() {
        assertThatThrownBy(() -> manifest(null, Map.of(ModelManifest.IOU_THRESHOLD,
                new ManifestFile.ParameterRange(0.0, 1.5, null, null, null))).adjustableParameters(DecodeOptions.DEFAULT))
                .hasMessageContaining("parameters.iou_threshold").hasMessageContaining("within 0..1");
        assertThatThrownBy(() -> manifest(null, Map.of("confidence",
                new ManifestFile.ParameterRange(0.1, 0.2, null, null, null))).adjustableParameters(DecodeOptions.DEFAULT))
                .hasMessageContaining("unknown parameter 'confidence'").hasMessageContaining("score_threshold");
        assertThatThrownBy(() -> manifest(null, Map.of(ModelManifest.MAX_DETECTIONS,
                new ManifestFile.ParameterRange(1.0, 10.0, 0.0, null, null))).adjustableParameters(DecodeOptions.DEFAULT))
                .hasMessageContaining("step");
        assertThatThrownBy(() -> manifest(null, Map.of(ModelManifest.SCORE_THRESHOLD,
                new ManifestFile.ParameterRange(0.3, 0.9, null, 0.95, null))).adjustableParameters(DecodeOptions.DEFAULT))
                .hasMessageContaining("default 0.95 is outside");
    }

    @Test
    void theRealModelServesTheManifestsRangesAndAMisspeltFieldRejectsIt() throws Exception {
        Path folder = Files.createDirectories(models.resolve("narrow"));
        Files.copy(SAMPLE.resolve("model.onnx"), folder.resolve("model.onnx"));
        Files.writeString(folder.resolve("manifest.yaml"), """
                name: narrow
                defaults: {max_detections: 20}
                parameters:
                  score_threshold: {min: 0.4, max: 0.8, step: 0.1, default: 0.5}
                """);
        try (OnnxDetector detector = OnnxDetector.load(folder, EngineSettings.defaults())) {
            ModelParameter score = detector.manifest().parameter(ModelManifest.SCORE_THRESHOLD);
            assertThat(score.range()).isEqualTo("0.4..0.8");
            assertThat(score.defaultValue()).isEqualTo(0.5);
            assertThat(detector.defaults().scoreThreshold()).isEqualTo(0.5);
            assertThat(detector.defaults().maxDetections()).isEqualTo(20);
        }

        Files.writeString(folder.resolve("manifest.yaml"), "name: narrow\ndefualts: {score_threshold: 0.9}\n");
        assertThatThrownBy(() -> OnnxDetector.load(folder, EngineSettings.defaults()))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("unknown field 'defualts'").hasMessageContaining("defaults");
    }
}
