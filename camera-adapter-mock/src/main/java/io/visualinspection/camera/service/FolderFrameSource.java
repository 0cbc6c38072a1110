package io.visualinspection.camera.service;

import io.visualinspection.camera.config.CameraConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * The image files of a folder, in name order round and round, or at random. The folder is listed on each frame,
 * so that images can be added or removed while the emulator runs.
 */
public final class FolderFrameSource implements FrameSource {

    private final Path dir;
    private final CameraConfig.Order order;
    private final RandomGenerator random;
    private final AtomicLong taken = new AtomicLong();

    public FolderFrameSource(Path dir, CameraConfig.Order order, RandomGenerator random) {
        this.dir = dir;
        this.order = order;
        this.random = random;
    }

    @Override
    public Frame next() {
        List<Path> files = list();
        if (files.isEmpty()) {
            throw new NoFramesException("no images (" + String.join(", ", EXTENSIONS) + ") in "
                    + dir.toAbsolutePath());
        }
        int index = order == CameraConfig.Order.RANDOM
                ? random.nextInt(files.size())
                : (int) Math.floorMod(taken.getAndIncrement(), (long) files.size());
        Path file = files.get(index);
        try {
            return new Frame(file, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public int count() {
        return list().size();
    }

    @Override
    public String describe() {
        return "folder " + dir.toAbsolutePath() + " (" + order.name().toLowerCase(Locale.ROOT) + ")";
    }

    List<Path> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(FrameSource::isImage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
