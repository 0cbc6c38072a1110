package io.visualinspection.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.visualinspection.model.Box;
import io.visualinspection.model.Json;
import io.visualinspection.model.labels.LabelledObject;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A constructed case with a known confusion matrix: one item (a label, class 2, in the top half) and four images:
 * ok-ok (label in place, predicted in place), ok-nok (label in place, the model missed it), nok-ok (no label on
 * the product, the model saw one anyway: a false accept) and nok-nok (label at the bottom, predicted there).
 */
class EvaluatePatternCommandTest {

    static final String PATTERN = """
            label-on-top:
              - class_id: 2
                inner: [0.40, 0.20, 0.60, 0.30]
                outer: [0.20, 0.05, 0.80, 0.45]
            """;
    static final Box TOP = new Box(0.35, 0.15, 0.65, 0.35);
    static final Box BOTTOM = new Box(0.35, 0.65, 0.65, 0.85);

    @TempDir
    Path dir;

    Path pattern;
    Path images;
    Path labels;
    Path predictions;

    @BeforeEach
    void constructCase() throws Exception {
        pattern = dir.resolve("label-on-top.yaml");
        Files.writeString(pattern, PATTERN);
        SyntheticDataset data = SyntheticDataset.create(dir.resolve("set"), 0, 1);
        images = data.images;
        labels = data.labels;
        predictions = Files.createDirectories(dir.resolve("predictions"));
        add(data, "ok-ok", List.of(label(TOP)), List.of(predicted(TOP, 0.9f)));
        add(data, "ok-nok", List.of(label(TOP)), List.of());
        add(data, "nok-ok", List.of(), List.of(predicted(TOP, 0.8f)));
        add(data, "nok-nok", List.of(label(BOTTOM)), List.of(predicted(BOTTOM, 0.9f), predicted(TOP, 0.3f)));
    }

    @Test
    void reportsTheConfusionMatrixAccuracyAndDisagreements() throws Exception {
        Path json = dir.resolve("report/evaluation.json");
        Path drawn = dir.resolve("drawn");
        ToolRun r = ToolRun.run("evaluate-pattern", "-P", pattern.toString(), "-l", labels.toString(), "-p",
                predictions.toString(), "--images", images.toString(), "--json", json.toString(), "--drawn",
                drawn.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out())
                .contains("DISAGREE  nok-ok: labels NOK 'label-on-top' 0/1 (no detections), predictions OK "
                        + "'label-on-top' 1/1")
                .contains("DISAGREE  ok-nok: labels OK 'label-on-top' 1/1, predictions NOK 'label-on-top' 0/1 "
                        + "(no detections)")
                .doesNotContain("DISAGREE  ok-ok").doesNotContain("DISAGREE  nok-nok")
                .containsPattern("labels OK +1 +1")
                .containsPattern("labels NOK +1 +1")
                .contains("Accuracy 50.0% (2 of 4 images agree); false accepts (labels NOK, predicted OK): 1; "
                        + "false rejects (labels OK, predicted NOK): 1");

        JsonNode report = Json.mapper().readTree(json.toFile());
        assertThat(report.get("pattern").asText()).isEqualTo("label-on-top");
        assertThat(report.get("images").asInt()).isEqualTo(4);
        assertThat(report.get("accuracy").asDouble()).isEqualTo(0.5);
        assertThat(report.at("/confusion_matrix/labels_ok/predicted_ok").asInt()).isEqualTo(1);
        assertThat(report.at("/confusion_matrix/labels_ok/predicted_nok").asInt()).isEqualTo(1);
        assertThat(report.at("/confusion_matrix/labels_nok/predicted_ok").asInt()).isEqualTo(1);
        assertThat(report.at("/confusion_matrix/labels_nok/predicted_nok").asInt()).isEqualTo(1);
        assertThat(report.get("false_accepts").asInt()).isEqualTo(1);
        assertThat(report.get("disagreements").toString()).isEqualTo("[\"nok-ok\",\"ok-nok\"]");
        JsonNode first = report.get("results").get(0);
        assertThat(first.get("image").asText()).isEqualTo("nok-nok");
        assertThat(first.at("/labels/decision").asBoolean()).isFalse();
        assertThat(first.at("/predictions/lg/0").asBoolean()).isFalse();

        // The disagreements drawn side by side: labels left, predictions right.
        assertThat(drawn.resolve("nok-ok.jpg")).exists();
        assertThat(drawn.resolve("ok-nok.jpg")).exists();
        assertThat(drawn.resolve("ok-ok.jpg")).doesNotExist();
        BufferedImage picture = ImageIO.read(drawn.resolve("ok-nok.jpg").toFile());
        assertThat(picture.getWidth()).isGreaterThan(2 * SyntheticDataset.WIDTH);
    }

    @Test
    void allAgreeingIsExitCodeZeroAndJsonCanGoToStandardOutput() throws Exception {
        Files.delete(labels.resolve("ok-nok.txt"));
        Files.delete(labels.resolve("nok-ok.txt"));
        ToolRun r = ToolRun.run("evaluate-pattern", "-P", pattern.toString(), "-l", labels.toString(), "-p",
                predictions.toString(), "--json", "-");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode report = Json.mapper().readTree(r.out());
        assertThat(report.get("agree").asInt()).isEqualTo(2);
        assertThat(report.get("accuracy").asDouble()).isEqualTo(1.0);
    }

    @Test
    void theMinimumScoreDecidesWhichPredictionsTakePart() throws Exception {
        // At 0.85 the nok-ok prediction (0.8) no longer counts: it agrees now; the 0.9 ones still count.
        ToolRun r = ToolRun.run("evaluate-pattern", "-P", pattern.toString(), "-l", labels.toString(), "-p",
                predictions.toString(), "--min-score", "0.85");
        assertThat(r.out()).containsPattern("labels NOK +0 +2").contains("false accepts (labels NOK, predicted OK): 0");
        // At 0.2 the low-scoring label on top of nok-nok counts too and passes it.
        ToolRun low = ToolRun.run("evaluate-pattern", "-P", pattern.toString(), "-l", labels.toString(), "-p",
                predictions.toString(), "--min-score", "0.2");
        assertThat(low.out()).contains("DISAGREE  nok-nok");
        // Strict: the extra label of nok-nok now fails it again.
        ToolRun strict = ToolRun.run("evaluate-pattern", "-P", pattern.toString(), "-l", labels.toString(), "-p",
                predictions.toString(), "--min-score", "0.2", "--strict");
        assertThat(strict.out()).doesNotContain("DISAGREE  nok-nok");
    }

    @Test
    void imagesWithoutPredictionsAreListedAndTheExitCodeIsOne() throws Exception {
        Files.delete(predictions.resolve("ok-ok.txt"));
        Files.delete(labels.resolve("ok-nok.txt"));
        Files.delete(labels.resolve("nok-ok.txt"));
        ToolRun r = ToolRun.run("evaluate-pattern", "-P", pattern.toString(), "-l", labels.toString(), "-p",
                predictions.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("MISSING  ok-ok: no prediction file ok-ok.txt in");
        assertThat(r.out()).contains("1 images without predictions were not evaluated");
        // The two predicted images whose label files are gone are named, not left out without a word.
        assertThat(r.err()).contains("UNLABELLED  nok-ok: no label file nok-ok.txt in " + labels)
                .contains("UNLABELLED  ok-nok: no label file ok-nok.txt in " + labels);
        assertThat(r.out()).contains("2 images without a label file were not evaluated");
        ToolRun json = ToolRun.run("evaluate-pattern", "-P", pattern.toString(), "-l", labels.toString(), "-p",
                predictions.toString(), "--json", "-");
        assertThat(Json.mapper().readTree(json.out()).get("unlabelled"))
                .extracting(JsonNode::asText).containsExactly("nok-ok", "ok-nok");
    }

    @Test
    void anInvalidPatternIsExitCodeOneAndWrongUsageTwo() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "v:\n  - class_id: 1\n    inner: [0, 0, 1]\n    outer: [0, 0, 1, 1]\n");
        ToolRun r = ToolRun.run("evaluate-pattern", "-P", bad.toString(), "-l", labels.toString(), "-p",
                predictions.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("bad.yaml:2: ");

        assertThat(ToolRun.run("evaluate-pattern", "-P", pattern.toString(), "-l", labels.toString()).err())
                .contains("give the predictions");
        assertThat(ToolRun.run("evaluate-pattern", "-P", pattern.toString(), "-l", labels.toString(), "-p",
                predictions.toString(), "--model-dir", dir.toString()).exitCode()).isEqualTo(2);
        assertThat(ToolRun.run("evaluate-pattern", "-P", pattern.toString(), "-l", labels.toString(), "--model-dir",
                dir.toString()).err()).contains("needs the images");
        assertThat(ToolRun.run("evaluate-pattern", "-P", pattern.toString(), "-l", labels.toString(), "-p",
                predictions.toString(), "--drawn", dir.toString()).err()).contains("--drawn needs the images");
    }

    private void add(SyntheticDataset data, String name, List<LabelledObject> truth, List<LabelledObject> predicted)
            throws Exception {
        data.add(name, truth);
        SyntheticDataset.write(predictions.resolve(name + ".txt"), predicted);
    }

    private static LabelledObject label(Box box) {
        return LabelledObject.labelled(SyntheticDataset.LABEL, box);
    }

    private static LabelledObject predicted(Box box, float score) {
        return new LabelledObject(SyntheticDataset.LABEL, box, score);
    }
}
