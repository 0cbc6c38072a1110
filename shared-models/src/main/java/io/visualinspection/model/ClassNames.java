package io.visualinspection.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The class names of a model, indexed by class id. */
public record ClassNames(List<String> names) {

    public static final ClassNames NONE = new ClassNames(List.of());

    public ClassNames {
        names = List.copyOf(names);
    }

    /** Reads one name a line (blank lines skipped), as in a {@code classes.txt}. */
    public static ClassNames read(Path file) throws IOException {
        return new ClassNames(Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList());
    }

    public String nameOf(int classId) {
        return classId >= 0 && classId < names.size() ? names.get(classId) : fallbackName(classId);
    }

    public int size() {
        return names.size();
    }

    static String fallbackName(int classId) {
        return "class " + classId;
    }
}
