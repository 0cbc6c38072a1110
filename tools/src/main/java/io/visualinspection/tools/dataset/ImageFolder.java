package io.visualinspection.tools.dataset;

import io.visualinspection.model.labels.YoloLabels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The images of a folder (JPEG, PNG, BMP, WebP by extension), in name order, by name without extension. */
public record ImageFolder(Path folder, Map<String, Path> byImage, List<Path> duplicates) {

    public static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "webp");

    public ImageFolder {
        byImage = Collections.unmodifiableMap(new TreeMap<>(byImage));
        duplicates = List.copyOf(duplicates);
    }

    /** Lists the folder; of two images with the same name but different extensions, the first in name order counts. */
    public static ImageFolder list(Path folder) throws IOException {
        List<Path> images;
        try (Stream<Path> s = Files.list(folder)) {
            images = s.filter(Files::isRegularFile).filter(ImageFolder::isImage).sorted().toList();
        }
        Map<String, Path> byImage = new TreeMap<>();
        List<Path> duplicates = new ArrayList<>();
        for (Path image : images) {
            if (byImage.putIfAbsent(YoloLabels.stemOf(image), image) != null) {
                duplicates.add(image);
            }
        }
        return new ImageFolder(folder, byImage, duplicates);
    }

    public static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The image of this name (file name without extension), or null. */
    public Path image(String name) {
        return byImage.get(name);
    }

    public int size() {
        return byImage.size();
    }
}
