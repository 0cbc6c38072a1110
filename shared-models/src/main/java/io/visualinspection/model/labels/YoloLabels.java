package io.visualinspection.model.labels;

import io.visualinspection.model.Box;
import io.visualinspection.model.TextFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes YOLO label files: one object a line, {@code class cx cy w h}, the box centre and size
 * normalised to the image width and height, and in files of a model's predictions a sixth column, the
 * score. An image's label file has the image's name with {@code .txt} in place of its extension; an empty
 * file is an image without objects. Errors name the file and line.
 */
public final class YoloLabels {

    /** The extension of label files. */
    public static final String EXTENSION = ".txt";
    /** The class names file that YOLO datasets keep beside their label files; not a label file. */
    public static final String CLASSES_FILE = "classes.txt";

    // Written with 6 decimals; a value this far past 0..1 is rounding, not a pixel coordinate.
    private static final double TOLERANCE = 1e-6;

    private YoloLabels() {
    }

    public static List<LabelledObject> read(Path file) throws LabelFileException {
        String text;
        try {
            text = TextFiles.readUtf8(file);
        } catch (IOException e) {
            throw new LabelFileException(file.toString(), 0, "cannot read the file: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** The objects of a label file's text; {@code source} names it in errors. Blank lines are skipped. */
    public static List<LabelledObject> parse(String text, String source) throws LabelFileException {
        List<LabelledObject> objects = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty()) {
                objects.add(parseLine(line, source, i + 1));
            }
        }
        return objects;
    }

    private static LabelledObject parseLine(String line, String source, int lineNumber) throws LabelFileException {
        String[] f = line.split("\\s+");
        if (f.length != 5 && f.length != 6) {
            throw new LabelFileException(source, lineNumber, "a label line is 'class cx cy w h' (and a score for "
                    + "predictions), got " + f.length + " fields: '" + line + "'", null);
        }
        int classId;
        try {
            classId = Integer.parseInt(f[0]);
        } catch (NumberFormatException e) {
            throw new LabelFileException(source, lineNumber, "the class id must be a whole number, got '" + f[0] + "'",
                    e);
        }
        if (classId < 0) {
            throw new LabelFileException(source, lineNumber, "the class id must be >= 0, got " + classId, null);
        }
        double[] v = new double[f.length - 1];
        String[] names = {"cx", "cy", "w", "h", "score"};
        for (int i = 1; i < f.length; i++) {
            double value;
            try {
                value = Double.parseDouble(f[i]);
            } catch (NumberFormatException e) {
                throw new LabelFileException(source, lineNumber, names[i - 1] + " must be a number, got '" + f[i] + "'",
                        e);
            }
            if (!(value >= -TOLERANCE && value <= 1 + TOLERANCE)) {
                throw new LabelFileException(source, lineNumber, names[i - 1] + " must be in 0..1 (coordinates are "
                        + "normalised to the image size, not pixels), got " + f[i], null);
            }
            v[i - 1] = clamp(value);
        }
        Float score = v.length == 5 ? (float) v[4] : null;
        return new LabelledObject(classId, Box.fromCenter(v[0], v[1], v[2], v[3]), score);
    }

    /** The text of a label file for these objects, 6 decimals, scores where the objects have them. */
    public static String format(List<LabelledObject> objects) {
        StringBuilder out = new StringBuilder();
        for (LabelledObject o : objects) {
            Box b = o.box();
            out.append(String.format(Locale.ROOT, "%d %.6f %.6f %.6f %.6f", o.classId(), b.centerX(), b.centerY(),
                    b.width(), b.height()));
            if (o.hasScore()) {
                out.append(String.format(Locale.ROOT, " %.6f", o.score()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    public static void write(Path file, List<LabelledObject> objects) throws IOException {
        Files.writeString(file, format(objects), StandardCharsets.UTF_8);
    }

    /** True for a {@code .txt} file other than {@code classes.txt}. */
    public static boolean isLabelFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(EXTENSION) && name.length() > EXTENSION.length() && !name.equals(CLASSES_FILE);
    }

    /** A file's name without its extension: the key that pairs an image with its label file. */
    public static String stemOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The label file of an image in a folder of label files. */
    public static Path labelFileOf(Path imageFile, Path labelFolder) {
        return labelFolder.resolve(stemOf(imageFile) + EXTENSION);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
