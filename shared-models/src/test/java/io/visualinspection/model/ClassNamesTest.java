package io.visualinspection.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassNamesTest {

    @TempDir
    Path dir;

    @Test
    void lineNNamesClassIdNMinusOne() throws Exception {
        ClassNames names = ClassNames.read(write("person\nbicycle\n car \n\n\n"));
        assertThat(names.names()).containsExactly("person", "bicycle", "car");
        assertThat(names.nameOf(2)).isEqualTo("car");
        assertThat(names.nameOf(3)).isEqualTo("class 3");
    }

    @Test
    void aFileSavedByAWindowsEditorReadsAsTheSameNames() throws Exception {
        // A byte order mark and CRLF line ends, as Notepad saves UTF-8: the mark is not part of the first name.
        assertThat(ClassNames.read(write("\uFEFFperson\r\nbicycle\r\n")).names()).containsExactly("person", "bicycle");
    }

    @Test
    void aBlankLineBeforeTheLastNameIsRefusedSinceItWouldShiftTheNamesAfterIt() throws Exception {
        Path file = write("person\n\ncar\n");
        assertThat(catchThrowableOfType(IOException.class, () -> ClassNames.read(file)))
                .hasMessageStartingWith(file + ":2: the line is blank")
                .hasMessageContaining("write the class's name there");
        assertThat(catchThrowableOfType(IOException.class, () -> ClassNames.read(write("\nperson\n"))))
                .hasMessageContaining(":1: the line is blank");
    }

    @Test
    void aFileThatCannotBeReadIsNamedInTheMessage() {
        Path missing = dir.resolve("missing.txt");
        assertThat(catchThrowableOfType(IOException.class, () -> ClassNames.read(missing)))
                .hasMessageStartingWith(missing + ": cannot read the class names: ")
                .hasMessageContaining("NoSuchFileException");
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("classes.txt");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        return file;
    }
}
