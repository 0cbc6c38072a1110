package io.visualinspection.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.visualinspection.model.Box;
import io.visualinspection.model.Detection;
import io.visualinspection.model.labels.LabelledObject;
import io.visualinspection.model.pattern.Pattern;
import io.visualinspection.model.pattern.PatternCheckResult;
import io.visualinspection.model.pattern.PatternItem;
import io.visualinspection.model.pattern.PatternMatcher;
import io.visualinspection.model.pattern.PatternYaml;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DerivePatternCommandTest {

    @TempDir
    Path dir;

    SyntheticDataset data;

    @BeforeEach
    void createDataset() throws Exception {
        data = SyntheticDataset.create(dir, 12, 7);
    }

    @Test
    void theDerivedPatternPassesOnItsTrainingLabelsAndFailsWhenAnObjectLeavesItsBounds() throws Exception {
        Path yaml = dir.resolve("board.yaml");
        ToolRun r = ToolRun.run("derive-pattern", "--labels", data.labels.toString(), "-o", yaml.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Pattern 'board', variant 'reference': 3 items from 12 reference images")
                .contains("Check on the reference data: 12 of 12 pass");

        Pattern pattern = PatternYaml.read(yaml);
        assertThat(pattern.key()).isEqualTo("board");
        List<PatternItem> items = pattern.variant("reference").items();
        assertThat(items).extracting(PatternItem::classId)
                .containsExactly(SyntheticDataset.SCREW, SyntheticDataset.SCREW, SyntheticDataset.LABEL);
        // Items of a class from left to right.
        assertThat(items.get(0).outer().centerX()).isLessThan(0.5);
        assertThat(items.get(1).outer().centerX()).isGreaterThan(0.5);
        assertThat(Files.readString(yaml)).contains("# screw").contains("# label").startsWith("# Derived by");

        for (Map.Entry<String, List<LabelledObject>> e : data.truth.entrySet()) {
            assertThat(check(pattern, e.getValue()).decision()).as(e.getKey()).isTrue();
        }

        // The right screw of one image slides 0.2 to the left: that item is no longer found.
        List<LabelledObject> moved = new ArrayList<>(data.truth.get("part_03"));
        Box b = moved.get(1).box();
        moved.set(1, moved.get(1).withBox(new Box(b.x0() - 0.2, b.y0(), b.x1() - 0.2, b.y1())));
        PatternCheckResult fails = check(pattern, moved);
        assertThat(fails.decision()).isFalse();
        assertThat(fails.lg()).containsExactly(true, false, true);
    }

    @Test
    void boundsContainEveryObservedBoxWidenedByTheMinimumMargin() throws Exception {
        Path yaml = dir.resolve("board.yaml");
        ToolRun r = ToolRun.run("derive-pattern", "-l", data.labels.toString(), "-o", yaml.toString(),
                "--std-factor", "0", "--min-margin", "0.03");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        PatternItem label = PatternYaml.read(yaml).variants().get(0).items().get(2);
        List<Box> observed = data.truth.values().stream().map(l -> l.get(2).box()).toList();
        double eps = 1e-6;
        assertThat(label.outer().x0()).isCloseTo(observed.stream().mapToDouble(Box::x0).min().orElseThrow() - 0.03,
                within(eps));
        assertThat(label.inner().x0()).isCloseTo(observed.stream().mapToDouble(Box::x0).max().orElseThrow() + 0.03,
                within(eps));
        assertThat(label.inner().x1()).isCloseTo(observed.stream().mapToDouble(Box::x1).min().orElseThrow() - 0.03,
                within(eps));
        assertThat(label.outer().y1()).isCloseTo(observed.stream().mapToDouble(Box::y1).max().orElseThrow() + 0.03,
                within(eps));
    }

    @Test
    void exactBoundsStillPassAfterRoundingToTheFilesSixDecimals() throws Exception {
        Path yaml = dir.resolve("tight.yaml");
        ToolRun r = ToolRun.run("derive-pattern", "-l", data.labels.toString(), "-o", yaml.toString(),
                "--std-factor", "0", "--min-margin", "0");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("12 of 12 pass");
    }

    @Test
    void aLargerStdFactorForOneClassWidensOnlyThatClass() throws Exception {
        Path narrow = dir.resolve("narrow.yaml");
        Path wide = dir.resolve("wide.yaml");
        assertThat(ToolRun.run("derive-pattern", "-l", data.labels.toString(), "-o", narrow.toString()).exitCode())
                .isZero();
        assertThat(ToolRun.run("derive-pattern", "-l", data.labels.toString(), "-o", wide.toString(),
                "--class-std-factor", "2=6").exitCode()).isZero();
        List<PatternItem> n = PatternYaml.read(narrow).variants().get(0).items();
        List<PatternItem> w = PatternYaml.read(wide).variants().get(0).items();
        assertThat(w.get(0)).isEqualTo(n.get(0));
        assertThat(w.get(2).outer().width()).isGreaterThan(n.get(2).outer().width());
        assertThat(w.get(2).outer().contains(n.get(2).outer())).isTrue();
    }

    @Test
    void predictionsAndLabelsArePooledAndLowScoresTakeNoPart() throws Exception {
        Path predictions = data.writePredictions(dir.resolve("predictions"), 0.01, 0.9f, 3);
        // A stray low-scoring detection on one image must not become an item.
        List<LabelledObject> withStray = new ArrayList<>(SyntheticDataset.read(predictions.resolve("part_00.txt")));
        withStray.add(new LabelledObject(SyntheticDataset.SCREW, new Box(0.45, 0.8, 0.55, 0.95), 0.2f));
        SyntheticDataset.write(predictions.resolve("part_00.txt"), withStray);

        Path yaml = dir.resolve("both.yaml");
        ToolRun r = ToolRun.run("derive-pattern", "-l", data.labels.toString(), "-p", predictions.toString(),
                "-o", yaml.toString(), "--variant", "line-3");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("12 label files, 12 prediction files").contains("24 of 24 pass")
                .contains("screw (1)").contains("   24  ");
        Pattern pattern = PatternYaml.read(yaml);
        assertThat(pattern.variantNames()).containsExactly("line-3");
        assertThat(pattern.variants().get(0).items()).hasSize(3);
        for (String image : data.truth.keySet()) {
            assertThat(check(pattern, SyntheticDataset.read(predictions.resolve(image + ".txt"))).decision())
                    .as(image).isTrue();
        }
    }

    @Test
    void runsAreReproducible() throws Exception {
        Path a = dir.resolve("a.yaml");
        Path b = dir.resolve("b.yaml");
        ToolRun.run("derive-pattern", "-l", data.labels.toString(), "-o", a.toString());
        ToolRun.run("derive-pattern", "-l", data.labels.toString(), "-o", b.toString());
        assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
    }

    @Test
    void theNumberOfItemsAndTheClassesCanBeGiven() throws Exception {
        Path yaml = dir.resolve("one.yaml");
        ToolRun r = ToolRun.run("derive-pattern", "-l", data.labels.toString(), "-o", yaml.toString(),
                "--classes", "1", "--clusters", "1=1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(PatternYaml.read(yaml).variants().get(0).items()).singleElement()
                .satisfies(i -> assertThat(i.classId()).isEqualTo(SyntheticDataset.SCREW));

        // Strict, one screw item fails every image: its second screw is an extra. The check says so.
        ToolRun strict = ToolRun.run("derive-pattern", "-l", data.labels.toString(), "-o", yaml.toString(),
                "--classes", "1", "--clusters", "1=1", "--strict");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(PatternYaml.read(yaml).strict()).isTrue();
        assertThat(strict.err()).contains("FAIL  part_00 (labels): 1 extra detection(s)");

        ToolRun label = ToolRun.run("derive-pattern", "-l", data.labels.toString(), "-o", yaml.toString(),
                "--classes", "2", "--strict");
        assertThat(label.exitCode()).as(label.toString()).isZero();
    }

    @Test
    void anImageMissingAnObjectIsReportedAndTheExitCodeIsOne() throws Exception {
        List<LabelledObject> incomplete = data.truth.get("part_05").subList(0, 2);
        SyntheticDataset.write(data.labels.resolve("part_05.txt"), incomplete);
        Path yaml = dir.resolve("board.yaml");
        ToolRun r = ToolRun.run("derive-pattern", "-l", data.labels.toString(), "-o", yaml.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("FAIL  part_05 (labels): 1 of 3 items of variant 'reference' not found");
        assertThat(r.out()).contains("11 of 12 pass");
        assertThat(yaml).exists();
    }

    @Test
    void anUnreadableLabelFileStopsTheRunWithItsLine() throws Exception {
        Files.writeString(data.labels.resolve("part_02.txt"), "1 0.5 0.5 0.1 0.1\n1 160 120 30 30\n");
        Path yaml = dir.resolve("board.yaml");
        ToolRun r = ToolRun.run("derive-pattern", "-l", data.labels.toString(), "-o", yaml.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("part_02.txt:2: cx must be in 0..1").contains("nothing written");
        assertThat(yaml).doesNotExist();
    }

    @Test
    void thePreviewShowsTheBoundsOnAReferenceImage() throws Exception {
        Path png = dir.resolve("preview/board.png");
        ToolRun r = ToolRun.run("derive-pattern", "-l", data.labels.toString(), "-o",
                dir.resolve("board.yaml").toString(), "--images", data.images.toString(), "--preview", png.toString(),
                "--preview-image", "part_04.png");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Drew the bounds on part_04.png");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(SyntheticDataset.WIDTH);
        assertThat(image.getHeight()).isEqualTo(SyntheticDataset.HEIGHT);
    }

    @Test
    void wrongUsageIsExitCodeTwo() {
        assertThat(ToolRun.run("derive-pattern", "-o", dir.resolve("x.yaml").toString()).exitCode()).isEqualTo(2);
        assertThat(ToolRun.run("derive-pattern", "-l", data.labels.toString(), "-o", dir.resolve("x.txt").toString())
                .err()).contains("ends with .yaml or .yml");
        assertThat(ToolRun.run("derive-pattern", "-l", dir.resolve("none").toString(), "-o",
                dir.resolve("x.yaml").toString()).exitCode()).isEqualTo(2);
        assertThat(ToolRun.run("derive-pattern", "-l", data.labels.toString(), "-o", dir.resolve("x.yaml").toString(),
                "--preview", "p.png").err()).contains("--preview needs --images");
    }

    private static PatternCheckResult check(Pattern pattern, List<LabelledObject> objects) {
        List<Detection> detections = objects.stream().map(LabelledObject::toDetection).toList();
        return PatternMatcher.check(pattern, detections, 0.5, null);
    }
}
