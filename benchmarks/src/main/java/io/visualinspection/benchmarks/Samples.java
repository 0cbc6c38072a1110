package io.visualinspection.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample photos the benchmarks run on: {@code -Dsamples.dir=...}, default {@code samples/images}. */
final class Samples {

    private Samples() {
    }

    static byte[] read(String name) {
        Path dir = Path.of(System.getProperty("samples.dir", "samples/images"));
        try {
            return Files.readAllBytes(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("run from the repository root or set -Dsamples.dir", e);
        }
    }
}
