package io.visualinspection.camera.service;

import io.visualinspection.camera.config.CameraConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** The frames of the emulated camera: the image files of a folder, in name order or at random. */
@ApplicationScoped
public class FrameSource {

    static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp");

    /** One frame as stored: its bytes and the file it came from. */
    public record Frame(Path file, byte[] bytes) {

        public String format() {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".png")) {
                return "png";
            }
            return name.endsWith(".bmp") ? "bmp" : "jpeg";
        }
    }

    private final CameraConfig config;
    private final AtomicLong taken = new AtomicLong();

    FrameSource(CameraConfig config) {
        this.config = config;
    }

    /** The next frame; the folder is listed on each call so that images can be added while running. */
    public Frame next() {
        List<Path> files = list();
        if (files.isEmpty()) {
            throw new NoFramesException("no images (" + String.join(", ", EXTENSIONS) + ") in "
                    + config.imagesDir().toAbsolutePath());
        }
        int index = "random".equalsIgnoreCase(config.order())
                ? ThreadLocalRandom.current().nextInt(files.size())
                : (int) Math.floorMod(taken.getAndIncrement(), (long) files.size());
        Path file = files.get(index);
        try {
            return new Frame(file, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public List<Path> list() {
        Path dir = config.imagesDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> EXTENSIONS.stream().anyMatch(
                            e -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(e)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The camera has nothing to show: a configuration fault, reported as 503. */
    public static class NoFramesException extends RuntimeException {
        public NoFramesException(String message) {
            super(message);
        }
    }
}
