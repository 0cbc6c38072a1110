package io.visualinspection.reliability;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a test class measured, printed and written to {@code target/reliability/<name>.json}. */
final class Report {

    private Report() {
    }

    static Path write(String name, Object content) {
        try {
            Path file = Path.of("target", "reliability", name + ".json").toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.write(file, Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(content));
            System.out.println("RELIABILITY " + name + ": " + Http.JSON.writeValueAsString(content));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
