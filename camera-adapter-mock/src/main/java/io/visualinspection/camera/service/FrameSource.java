package io.visualinspection.camera.service;

import io.visualinspection.camera.config.CameraConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** Where a camera's frames come from: the images of a folder, or one fixed file. */
public sealed interface FrameSource permits FolderFrameSource, FileFrameSource {

    List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp");

    /** The next frame; throws {@link NoFramesException} when there is nothing to show. */
    Frame next();

    /** How many frames there are to show now (0 makes the camera not ready). */
    int count();

    /** For people: where the frames come from, e.g. {@code folder /data/line-a (sequential)}. */
    String describe();

    static FrameSource of(Path imagesDir, Path imageFile, CameraConfig.Order order, RandomGenerator random) {
        if (imageFile != null) {
            return new FileFrameSource(imageFile);
        }
        return new FolderFrameSource(imagesDir, order, random);
    }

    static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** One frame as stored: its bytes and the file it came from. */
    record Frame(Path file, byte[] bytes) {

        /** The stored encoding, by file extension: jpeg, png or bmp. */
        public String format() {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".png")) {
                return "png";
            }
            return name.endsWith(".bmp") ? "bmp" : "jpeg";
        }
    }

    /** The camera has nothing to show: a configuration fault, reported as 503. */
    class NoFramesException extends RuntimeException {
        public NoFramesException(String message) {
            super(message);
        }
    }
}
