package io.visualinspection.model.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.visualinspection.model.Box;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternYamlTest {

    @Test
    void readsAFileWrittenForTheAncestor() throws Exception {
        Pattern p = PatternYaml.read(Path.of("src/test/resources/patterns/ancestor-board.yaml"));
        assertThat(p.key()).isEqualTo("ancestor-board");
        assertThat(p.strict()).isFalse();
        assertThat(p.variantNames()).containsExactly("normal", "rotated");
        PatternItem umbrella = p.variant("normal").items().get(1);
        assertThat(umbrella.classId()).isEqualTo(25);
        assertThat(umbrella.inner()).isEqualTo(new Box(0.2, 0.15, 0.5, 0.3));
        assertThat(p.variant("rotated").items()).hasSize(1);
    }

    @Test
    void writesWhatItReads() throws Exception {
        Pattern p = new Pattern("k", List.of(
                new PatternVariant("a: tricky \"name\"", List.of(new PatternItem(3,
                        new Box(0.123456, 0.2, 0.3, 0.4), new Box(0.1, 0.1, 0.5, 0.5)))),
                new PatternVariant("b", List.of(new PatternItem(0,
                        new Box(0.6, 0.6, 0.4, 0.4), new Box(0, 0, 1, 1))))), true);
        String yaml = PatternYaml.write(p);
        assertThat(yaml).contains("inner: [0.123456, 0.2, 0.3, 0.4]");
        assertThat(PatternYaml.parse("k", yaml)).isEqualTo(p);
    }

    @Test
    void anInvertedInnerBoundIsAllowedBecauseOnlyItsEdgesCount() throws Exception {
        Pattern p = PatternYaml.parse("k", "v:\n- {class_id: 1, inner: [0.6, 0.6, 0.4, 0.4], outer: [0, 0, 1, 1]}\n");
        assertThat(p.variant("v").items().get(0).isSatisfiedBy(1, new Box(0.5, 0.5, 0.55, 0.55))).isTrue();
    }

    @Test
    void errorsNameTheLineAndWhatToFix() {
        assertProblem("", 1, "empty");
        assertProblem("- just a list\n", 1, "mapping of variant names");
        assertProblem("v1:\n  - class_id: 0\n    inner: [0.4, 0.4, 0.6, 0.6]\n    outer: [0.2, 0.2, 0.8, 0.8]\n"
                + "v2:\n  - class_id: 1\n    inner: [0.4, 0.4, 0.6]\n    outer: [0.2, 0.2, 0.8, 0.8]\n",
                6, "4 numbers");
        assertProblem("v1:\n  - inner: [0.4, 0.4, 0.6, 0.6]\n    outer: [0.2, 0.2, 0.8, 0.8]\n", 2, "class_id is missing");
        assertProblem("v1:\n  - class_id: 0\n    inner: [0.1, 0.4, 0.6, 0.6]\n    outer: [0.2, 0.2, 0.8, 0.8]\n",
                2, "must lie within the outer bound");
        assertProblem("v1: 3\n", 1, "must be a list of items");
        assertProblem("v1: []\n", 1, "has no items");
        assertProblem("v1:\n  - {class_id: 0, inner: [0.4, 0.4, 0.6, 0.6], outer: [0.2, 0.2, 0.8, 0.8]}\n"
                + "v1:\n  - {class_id: 0, inner: [0.4, 0.4, 0.6, 0.6], outer: [0.2, 0.2, 0.8, 0.8]}\n", 3, "twice");
        assertProblem("v1:\n  - {class_id: zero, inner: [0.4, 0.4, 0.6, 0.6], outer: [0.2, 0.2, 0.8, 0.8]}\n", 2,
                "zero");
        assertProblem("v1:\n  - just text\n", 2, "must be a mapping {class_id, inner, outer}");
        assertProblem("v1:\n  - {class_id: 0, inner: [200, 150, 400, 300], outer: [0, 0, 640, 480]}\n", 2,
                "inner must be normalised to the image size");
        PatternFileException syntax = catchThrowableOfType(PatternFileException.class,
                () -> PatternYaml.parse("k", "v1:\n  - {class_id: 0\n"));
        assertThat(syntax.line()).as(syntax.getMessage()).isPositive();
    }

    @Test
    void theStrictKeySetsStrictness() throws Exception {
        Pattern p = PatternYaml.parse("k", "strict: true\nv:\n- {class_id: 1, inner: [0.4, 0.4, 0.6, 0.6], "
                + "outer: [0, 0, 1, 1]}\n");
        assertThat(p.strict()).isTrue();
        assertThat(p.variantNames()).containsExactly("v");
    }

    @Test
    void theKeyIsTheFileNameWithoutExtension() {
        assertThat(PatternYaml.keyOf(Path.of("/x/board-a.yaml"))).isEqualTo("board-a");
        assertThat(PatternYaml.keyOf(Path.of("board.v2.YML"))).isEqualTo("board.v2");
        assertThat(PatternYaml.keyOf(Path.of("notes.txt"))).isNull();
        assertThat(PatternYaml.keyOf(Path.of(".yaml"))).isNull();
        assertThatThrownBy(() -> PatternYaml.read(Path.of("missing.yaml"))).hasMessageContaining("cannot read");
    }

    private static void assertProblem(String yaml, int line, String text) {
        PatternFileException e = catchThrowableOfType(PatternFileException.class, () -> PatternYaml.parse("k", yaml));
        assertThat(e).as("no error for:\n" + yaml).isNotNull();
        assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.getMessage()).contains(text).startsWith("k:" + line + ": ");
    }
}
