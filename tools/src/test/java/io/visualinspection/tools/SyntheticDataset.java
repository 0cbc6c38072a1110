package io.visualinspection.tools;

import io.visualinspection.model.Box;
import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.model.labels.LabelFileException;
import io.visualinspection.model.labels.LabelledObject;
import io.visualinspection.model.labels.YoloLabels;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A small product line photographed {@code count} times: a board with two screws (class 1, left and right)
 * and a label (class 2, top centre), each placed with a little jitter, drawn with Java2D, with their YOLO
 * label files. {@link #truth} holds the labels as read back from the files.
 */
final class SyntheticDataset {

    static final int WIDTH = 320;
    static final int HEIGHT = 240;
    static final int SCREW = 1;
    static final int LABEL = 2;
    static final List<String> CLASS_NAMES = List.of("board", "screw", "label");

    final Path images;
    final Path labels;
    final Map<String, List<LabelledObject>> truth = new TreeMap<>();

    private SyntheticDataset(Path images, Path labels) {
        this.images = images;
        this.labels = labels;
    }

    static SyntheticDataset create(Path dir, int count, long seed) throws IOException {
        SyntheticDataset d = new SyntheticDataset(Files.createDirectories(dir.resolve("images")),
                Files.createDirectories(dir.resolve("labels")));
        Files.write(d.labels.resolve(YoloLabels.CLASSES_FILE), CLASS_NAMES);
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            List<LabelledObject> objects = List.of(
                    LabelledObject.labelled(SCREW, jittered(random, 0.25, 0.55, 0.10, 0.14)),
                    LabelledObject.labelled(SCREW, jittered(random, 0.75, 0.55, 0.10, 0.14)),
                    LabelledObject.labelled(LABEL, jittered(random, 0.50, 0.25, 0.30, 0.12)));
            d.add(String.format("part_%02d", i), objects);
        }
        return d;
    }

    /** Adds an image with these objects (drawn) and its label file. */
    void add(String name, List<LabelledObject> objects) throws IOException {
        Files.write(images.resolve(name + ".png"), ImageCodec.encode(draw(objects), "png", 100));
        Path file = labels.resolve(name + YoloLabels.EXTENSION);
        YoloLabels.write(file, objects);
        truth.put(name, read(file));
    }

    /** Writes "predictions" of every image: the labels with each edge moved by up to {@code noise}, and a score. */
    Path writePredictions(Path dir, double noise, float score, long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        for (Map.Entry<String, List<LabelledObject>> e : truth.entrySet()) {
            List<LabelledObject> predicted = new ArrayList<>();
            for (LabelledObject o : e.getValue()) {
                Box b = o.box();
                Box moved = new Box(b.x0() + noise * (2 * random.nextDouble() - 1),
                        b.y0() + noise * (2 * random.nextDouble() - 1), b.x1() + noise * (2 * random.nextDouble() - 1),
                        b.y1() + noise * (2 * random.nextDouble() - 1));
                predicted.add(new LabelledObject(o.classId(), moved, score));
            }
            YoloLabels.write(dir.resolve(e.getKey() + YoloLabels.EXTENSION), predicted);
        }
        return dir;
    }

    static List<LabelledObject> read(Path file) {
        try {
            return YoloLabels.read(file);
        } catch (LabelFileException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(Path file, List<LabelledObject> objects) {
        try {
            YoloLabels.write(file, objects);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Box jittered(Random random, double cx, double cy, double w, double h) {
        double j = 0.02;
        return Box.fromCenter(cx + j * (2 * random.nextDouble() - 1), cy + j * (2 * random.nextDouble() - 1),
                w + j / 2 * (2 * random.nextDouble() - 1), h + j / 2 * (2 * random.nextDouble() - 1));
    }

    private static BufferedImage draw(List<LabelledObject> objects) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0x2E7D32));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            for (LabelledObject o : objects) {
                Box b = o.box().toPixels(WIDTH, HEIGHT);
                g.setColor(o.classId() == SCREW ? Color.LIGHT_GRAY : Color.WHITE);
                g.fillRect((int) Math.round(b.x0()), (int) Math.round(b.y0()), (int) Math.round(b.width()),
                        (int) Math.round(b.height()));
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
