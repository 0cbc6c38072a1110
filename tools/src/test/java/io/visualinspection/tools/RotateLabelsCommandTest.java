package io.visualinspection.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.visualinspection.model.Box;
import io.visualinspection.model.labels.LabelledObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotateLabelsCommandTest {

    @TempDir
    Path dir;

    SyntheticDataset data;

    @BeforeEach
    void createDataset() throws Exception {
        data = SyntheticDataset.create(dir, 4, 2);
    }

    @Test
    void aQuarterTurnMovesTheBoxAsTheImageTurnsClockwise() throws Exception {
        Path in = Files.createDirectories(dir.resolve("one"));
        SyntheticDataset.write(in.resolve("a.txt"), List.of(new LabelledObject(3, new Box(0.1, 0.2, 0.4, 0.3), 0.75f)));
        ToolRun r = ToolRun.run("rotate-labels", "-i", in.toString(), "-o", dir.resolve("cw").toString(), "-r", "90");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("1 label files (1 objects) rotated 90 degrees clockwise");
        // The top-left corner region of a landscape image lands top-right in the portrait one.
        assertThat(Files.readAllLines(dir.resolve("cw/a.txt")))
                .containsExactly("3 0.750000 0.250000 0.100000 0.300000 0.750000");
    }

    @Test
    void rotatingBackOrMirroringTwiceGivesTheLabelsBack() throws Exception {
        Path cw = dir.resolve("cw");
        Path back = dir.resolve("back");
        assertThat(ToolRun.runShowingProgress("rotate-labels", "-i", data.labels.toString(), "-o", cw.toString(),
                "--rotate", "90").exitCode()).isZero();
        assertThat(ToolRun.run("rotate-labels", "-i", cw.toString(), "-o", back.toString(), "--rotate", "-90")
                .exitCode()).isZero();
        assertSameLabels(back);
        assertThat(back.resolve("classes.txt")).hasSameTextualContentAs(data.labels.resolve("classes.txt"));

        Path mirrored = dir.resolve("mirrored");
        Path again = dir.resolve("again");
        assertThat(ToolRun.run("rotate-labels", "-i", data.labels.toString(), "-o", mirrored.toString(), "--mirror",
                "horizontal").exitCode()).isZero();
        assertThat(SyntheticDataset.read(mirrored.resolve("part_00.txt")).get(0).box().centerX()).isGreaterThan(0.5);
        assertThat(ToolRun.run("rotate-labels", "-i", mirrored.toString(), "-o", again.toString(), "-m", "HORIZONTAL")
                .exitCode()).isZero();
        assertSameLabels(again);

        Path half = dir.resolve("half");
        assertThat(ToolRun.run("rotate-labels", "-i", data.labels.toString(), "-o", half.toString(), "-r", "180",
                "-m", "vertical").exitCode()).isZero();
        Path flipped = dir.resolve("flipped");
        assertThat(ToolRun.run("rotate-labels", "-i", half.toString(), "-o", flipped.toString(), "-m", "horizontal")
                .exitCode()).isZero();
        assertSameLabels(flipped);
    }

    @Test
    void unreadableFilesAreListedAndTheRestWritten() throws Exception {
        Files.writeString(data.labels.resolve("broken.txt"), "1 0.5 0.5\n");
        ToolRun r = ToolRun.run("rotate-labels", "-i", data.labels.toString(), "-o", dir.resolve("out").toString(),
                "-r", "180");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("broken.txt:1: a label line is 'class cx cy w h'");
        assertThat(dir.resolve("out/part_03.txt")).exists();
        assertThat(dir.resolve("out/broken.txt")).doesNotExist();
    }

    @Test
    void wrongUsageIsExitCodeTwo() {
        String in = data.labels.toString();
        String out = dir.resolve("out").toString();
        assertThat(ToolRun.run("rotate-labels", "-i", in, "-o", out).err()).contains("nothing to do");
        assertThat(ToolRun.run("rotate-labels", "-i", in, "-o", out, "-r", "45").err()).contains("multiple of 90");
        assertThat(ToolRun.run("rotate-labels", "-i", in, "-o", out, "-m", "diagonal").exitCode()).isEqualTo(2);
        assertThat(ToolRun.run("rotate-labels", "-i", in, "-o", in, "-r", "90").err()).contains("another folder");
    }

    private void assertSameLabels(Path folder) {
        for (Map.Entry<String, List<LabelledObject>> e : data.truth.entrySet()) {
            List<LabelledObject> actual = SyntheticDataset.read(folder.resolve(e.getKey() + ".txt"));
            assertThat(actual).hasSameSizeAs(e.getValue());
            for (int i = 0; i < actual.size(); i++) {
                Box a = actual.get(i).box();
                Box x = e.getValue().get(i).box();
                assertThat(actual.get(i).classId()).isEqualTo(e.getValue().get(i).classId());
                assertThat(new double[] {a.x0(), a.y0(), a.x1(), a.y1()})
                        .containsExactly(new double[] {x.x0(), x.y0(), x.x1(), x.y1()}, within(2e-6));
            }
        }
    }
}
