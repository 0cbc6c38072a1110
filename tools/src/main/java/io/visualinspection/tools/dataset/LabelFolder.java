package io.visualinspection.tools.dataset;

import io.visualinspection.model.ClassNames;
import io.visualinspection.model.labels.LabelFileException;
import io.visualinspection.model.labels.LabelledObject;
import io.visualinspection.model.labels.YoloLabels;
import io.visualinspection.tools.cli.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The YOLO label files of a folder by image name (file name without {@code .txt}), and the files that could
 * not be read. A {@code classes.txt} beside them is the class names, not a label file.
 */
public record LabelFolder(Path folder, Map<String, List<LabelledObject>> byImage, List<LabelFileException> problems) {

    public LabelFolder {
        byImage = Collections.unmodifiableMap(new TreeMap<>(byImage));
        problems = List.copyOf(problems);
    }

    /** The label files of the folder, in name order. */
    public static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).filter(YoloLabels::isLabelFile).sorted().toList();
        }
    }

    public static LabelFolder read(Path folder, boolean showProgress) throws IOException {
        List<Path> files = files(folder);
        Map<String, List<LabelledObject>> byImage = new TreeMap<>();
        List<LabelFileException> problems = new ArrayList<>();
        try (Progress progress = Progress.start("Reading " + folder.getFileName(), files.size(), showProgress)) {
            for (Path file : files) {
                progress.working(file.getFileName().toString());
                try {
                    byImage.put(YoloLabels.stemOf(file), YoloLabels.read(file));
                } catch (LabelFileException e) {
                    problems.add(e);
                }
                progress.step();
            }
        }
        return new LabelFolder(folder, byImage, problems);
    }

    /** The class names in {@code classes.txt} of the first of these folders that has one, else none. */
    public static ClassNames classNames(Path... folders) throws IOException {
        for (Path folder : folders) {
            if (folder != null && Files.isRegularFile(folder.resolve(YoloLabels.CLASSES_FILE))) {
                return ClassNames.read(folder.resolve(YoloLabels.CLASSES_FILE));
            }
        }
        return ClassNames.NONE;
    }

    public int size() {
        return byImage.size();
    }
}
