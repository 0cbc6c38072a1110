package io.visualinspection.model.testing;

import java.nio.file.Path;

/** The sample assets shipped in the repository ({@code samples/}), as absolute paths from any module. */
public final class SampleData {

    private SampleData() {
    }

    public static Path root() {
        return Path.of("..", "samples").toAbsolutePath().normalize();
    }

    public static Path images() {
        return root().resolve("images");
    }

    public static Path image(String name) {
        return images().resolve(name);
    }

    public static Path models() {
        return root().resolve("models");
    }

    public static Path patterns() {
        return root().resolve("patterns");
    }
}
