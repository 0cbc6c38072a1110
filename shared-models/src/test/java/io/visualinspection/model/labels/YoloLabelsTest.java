package io.visualinspection.model.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.visualinspection.model.Box;
import io.visualinspection.model.Detection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YoloLabelsTest {

    @Test
    void readsLabelsAndPredictionsWithScores() throws Exception {
        List<LabelledObject> objects = YoloLabels.parse("""
                15 0.5 0.5 0.2 0.4
                0\t0.25  0.75 0.1 0.1 0.91

                """, "a.txt");
        assertThat(objects).hasSize(2);
        LabelledObject cat = objects.get(0);
        assertThat(cat.classId()).isEqualTo(15);
        assertThat(cat.score()).isNull();
        assertThat(cat.box().x0()).isCloseTo(0.4, within(1e-12));
        assertThat(cat.box().y0()).isCloseTo(0.3, within(1e-12));
        assertThat(cat.box().x1()).isCloseTo(0.6, within(1e-12));
        assertThat(cat.box().y1()).isCloseTo(0.7, within(1e-12));
        assertThat(objects.get(1).score()).isEqualTo(0.91f);
        assertThat(objects.get(1).toDetection().score()).isEqualTo(0.91f);
        assertThat(cat.toDetection().score()).isEqualTo(1f);
    }

    @Test
    void anEmptyFileIsAnImageWithoutObjects() throws Exception {
        assertThat(YoloLabels.parse("", "empty.txt")).isEmpty();
        assertThat(YoloLabels.parse("\n\n", "blank.txt")).isEmpty();
    }

    @Test
    void writesWhatItReadsWithScoresOnlyWherePresent(@TempDir Path dir) throws Exception {
        List<LabelledObject> objects = List.of(
                LabelledObject.labelled(2, new Box(0.1, 0.2, 0.3, 0.6)),
                new LabelledObject(7, new Box(0, 0, 1, 1), 0.5f));
        Path file = dir.resolve("img.txt");
        YoloLabels.write(file, objects);
        assertThat(Files.readAllLines(file)).containsExactly(
                "2 0.200000 0.400000 0.200000 0.400000",
                "7 0.500000 0.500000 1.000000 1.000000 0.500000");
        List<LabelledObject> back = YoloLabels.read(file);
        assertThat(back).hasSize(2);
        assertThat(back.get(0).score()).isNull();
        assertThat(back.get(1).score()).isEqualTo(0.5f);
        assertThat(back.get(0).box().x0()).isCloseTo(0.1, within(1e-9));
        assertThat(back.get(0).box().y1()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void pixelDetectionsAreNormalisedToTheImageSize() {
        LabelledObject o = LabelledObject.of(new Detection(new Box(64, 48, 320, 240), 3, 0.8f), 640, 480);
        assertThat(o.box()).isEqualTo(new Box(0.1, 0.1, 0.5, 0.5));
        assertThat(o.toPixelDetection(640, 480).box()).isEqualTo(new Box(64, 48, 320, 240));
        assertThat(LabelledObject.of(new Detection(new Box(-3, 0, 650, 480), 3, 0.8f), 640, 480).box())
                .isEqualTo(new Box(0, 0, 1, 1));
    }

    @Test
    void aFileSavedByAWindowsEditorReadsAsTheSameLabels(@TempDir Path dir) throws Exception {
        // A byte order mark before the first class id and CRLF line ends, as Notepad saves UTF-8.
        Path file = dir.resolve("img.txt");
        Files.write(file, "\uFEFF15 0.5 0.5 0.2 0.4\r\n0 0.25 0.75 0.1 0.1\r\n".getBytes(StandardCharsets.UTF_8));
        List<LabelledObject> objects = YoloLabels.read(file);
        assertThat(objects).extracting(LabelledObject::classId).containsExactly(15, 0);
        assertThat(objects.get(1).box().y1()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void errorsNameFileLineAndProblem() {
        assertThat(catchThrowableOfType(LabelFileException.class,
                () -> YoloLabels.parse("0 0.5 0.5 0.1 0.1\n1 0.5 0.5 0.1\n", "x.txt")))
                .hasMessage("x.txt:2: a label line is 'class cx cy w h' (and a score for predictions), got 4 fields: "
                        + "'1 0.5 0.5 0.1'");
        assertThat(problem("cat 0.5 0.5 0.1 0.1").getMessage())
                .startsWith("x.txt:1: the class id must be a whole number");
        LabelFileException pixels = problem("0 320 240 50 50");
        assertThat(pixels.line()).isEqualTo(1);
        assertThat(pixels.problem()).contains("cx must be in 0..1").contains("not pixels");
        assertThat(problem("0 0.5 0.5 0.1 0.1 abc").problem()).isEqualTo("score must be a number, got 'abc'");
        assertThat(problem("-1 0.5 0.5 0.1 0.1").problem()).isEqualTo("the class id must be >= 0, got -1");
        assertThat(problem("0 0.5 0.5 0.1 0.1 1.5").problem()).startsWith("score must be in 0..1");
    }

    private static LabelFileException problem(String text) {
        return catchThrowableOfType(LabelFileException.class, () -> YoloLabels.parse(text, "x.txt"));
    }

    @Test
    void imagesAndLabelFilesPairByName() {
        assertThat(YoloLabels.labelFileOf(Path.of("images/part_01.jpg"), Path.of("labels")))
                .isEqualTo(Path.of("labels/part_01.txt"));
        assertThat(YoloLabels.stemOf(Path.of("a.b.png"))).isEqualTo("a.b");
        assertThat(YoloLabels.isLabelFile(Path.of("x/part.txt"))).isTrue();
        assertThat(YoloLabels.isLabelFile(Path.of("x/classes.txt"))).isFalse();
        assertThat(YoloLabels.isLabelFile(Path.of("x/part.jpg"))).isFalse();
    }
}
