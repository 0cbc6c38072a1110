package io.visualinspection.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The class names of a model, indexed by class id. */
public record ClassNames(List<String> names) {

    public static final ClassNames NONE = new ClassNames(List.of());

    public ClassNames {
        names = List.copyOf(names);
    }

    /**
     * Reads one name a line, as in a {@code classes.txt}: line N is the name of class id N - 1. Blank lines at the
     * end are ignored; a blank line before the last name is refused, since it would shift every name after it.
     * The exception's message names the file.
     */
    public static ClassNames read(Path file) throws IOException {
        String text;
        try {
            text = TextFiles.readUtf8(file);
        } catch (IOException e) {
            throw new IOException(file + ": cannot read the class names: " + e, e);
        }
        List<String> lines = text.lines().map(String::strip).toList();
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isEmpty()) {
            end--;
        }
        List<String> names = lines.subList(0, end);
        int blank = names.indexOf("");
        if (blank >= 0) {
            throw new IOException(file + ":" + (blank + 1) + ": the line is blank, but each line up to the last "
                    + "is the name of a class (line N: class id N - 1) and a blank one would shift the names after "
                    + "it; write the class's name there");
        }
        return new ClassNames(names);
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
