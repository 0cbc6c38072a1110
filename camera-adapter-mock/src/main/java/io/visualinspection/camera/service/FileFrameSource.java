package io.visualinspection.camera.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One image file served as every frame: a camera that always sees the same part. */
public final class FileFrameSource implements FrameSource {

    private final Path file;

    public FileFrameSource(Path file) {
        this.file = file;
    }

    @Override
    public Frame next() {
        if (!Files.isRegularFile(file)) {
            throw new NoFramesException("the image file " + file.toAbsolutePath() + " does not exist");
        }
        try {
            return new Frame(file, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public int count() {
        return Files.isRegularFile(file) ? 1 : 0;
    }

    @Override
    public String describe() {
        return "file " + file.toAbsolutePath();
    }
}
