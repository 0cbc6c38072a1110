package io.visualinspection.tools;

import io.visualinspection.model.Box;
import io.visualinspection.model.ClassNames;
import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.model.image.ImageDecodeException;
import io.visualinspection.model.labels.LabelFileException;
import io.visualinspection.model.labels.LabelledObject;
import io.visualinspection.model.pattern.Pattern;
import io.visualinspection.model.pattern.PatternCheckResult;
import io.visualinspection.model.pattern.PatternFileException;
import io.visualinspection.model.pattern.PatternMatcher;
import io.visualinspection.model.pattern.PatternYaml;
import io.visualinspection.tools.cli.Folders;
import io.visualinspection.tools.cli.ProgressOption;
import io.visualinspection.tools.dataset.ImageFolder;
import io.visualinspection.tools.dataset.LabelFolder;
import io.visualinspection.tools.derive.BoundsPreview;
import io.visualinspection.tools.derive.PatternDeriver;
import io.visualinspection.tools.derive.PatternDeriver.Cluster;
import io.visualinspection.tools.derive.PatternDeriver.Derivation;
import io.visualinspection.tools.derive.PatternDeriver.Sample;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Derives a pattern from the labelled objects (and the model's predictions) of reference images. */
@Command(name = "derive-pattern", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Derives a pattern from labelled reference images (and the model's predictions).",
                "Reads the YOLO label files of reference images of a good product (--labels), the model's "
                        + "predictions for them (--predictions, as export-predictions writes them), or both pooled. "
                        + "Using predictions makes the pattern accept what the model really outputs.",
                "Per class, the objects are clustered (k-means++ on the box centres, k = the most objects of that "
                        + "class on one image, or --clusters), each image's objects taken one-to-one by the "
                        + "clusters. Each cluster becomes an item whose inner and outer bounds contain every box "
                        + "of it, each edge widened by max(std-factor x the edge's standard deviation, min-margin).",
                "Writes the pattern (SPEC format; its key is the file name), checks it on the reference data "
                        + "and prints the images it does not pass.",
                "Exit code 1 when label files cannot be read, or the pattern does not pass on every reference "
                        + "image (it is written all the same)."})
class DerivePatternCommand implements Callable<Integer> {

    @Option(names = {"-l", "--labels"}, paramLabel = "DIR",
            description = "YOLO label files of the reference images ('class cx cy w h', normalised).")
    Path labels;

    @Option(names = {"-p", "--predictions"}, paramLabel = "DIR",
            description = "The model's label files (with scores) for the same images.")
    Path predictions;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.yaml",
            description = "The pattern file to write; its name without .yaml is the pattern key.")
    Path output;

    @Option(names = "--variant", paramLabel = "NAME", defaultValue = "reference",
            description = "Name of the pattern's variant (default: ${DEFAULT-VALUE}).")
    String variant;

    @Option(names = "--strict", description = "Write 'strict: true': extra objects of a class the pattern names "
            + "fail it.")
    boolean strict;

    @Option(names = "--classes", split = ",", paramLabel = "ID",
            description = "Only these class ids become items (comma-separated). Default: every class observed.")
    Set<Integer> classes = new TreeSet<>();

    @Option(names = {"-k", "--clusters"}, paramLabel = "CLASS=K",
            description = "Number of items for a class (repeatable). Default: the most objects of that class on one "
                    + "image.")
    Map<Integer, Integer> clusters = Map.of();

    @Option(names = "--std-factor", paramLabel = "F", defaultValue = "2.0",
            description = "Each bound edge is widened by F x the standard deviation of that edge over the cluster "
                    + "(default: ${DEFAULT-VALUE}).")
    double stdFactor;

    @Option(names = "--class-std-factor", paramLabel = "CLASS=F",
            description = "--std-factor for one class (repeatable).")
    Map<Integer, Double> classStdFactors = Map.of();

    @Option(names = "--min-margin", paramLabel = "M", defaultValue = "0.01",
            description = "Each bound edge is widened by at least M (normalised to the image size; default: "
                    + "${DEFAULT-VALUE}).")
    double minMargin;

    @Option(names = "--min-score", paramLabel = "0..1", defaultValue = "0.5",
            description = "Predictions scoring below this take no part, as in the backend's check (default: "
                    + "${DEFAULT-VALUE}).")
    double minScore;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Random seed of k-means++, so that runs are reproducible (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--images", paramLabel = "DIR", description = "The reference images, for --preview.")
    Path images;

    @Option(names = "--preview", paramLabel = "FILE.png",
            description = "Draw the bounds (outer solid, inner dashed) onto a reference image and save it as PNG; "
                    + "needs --images.")
    Path preview;

    @Option(names = "--preview-image", paramLabel = "NAME",
            description = "The image to draw on (its file name, with or without extension). Default: the first "
                    + "image, by name.")
    String previewImage;

    @Option(names = "--class-names", paramLabel = "FILE",
            description = "Class names, one a line (classes.txt). Default: classes.txt in the predictions or "
                    + "labels folder.")
    Path classNamesFile;

    @Mixin
    ProgressOption progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Sample> samples = new ArrayList<>();
        List<LabelFileException> problems = new ArrayList<>();
        int labelled = read(labels, "labels", samples, problems);
        int predicted = read(predictions, "predictions", samples, problems);
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("FAIL  " + p.getMessage()));
            err.printf("%d label files cannot be read; nothing written%n", problems.size());
            err.flush();
            return InspectionTools.PROBLEMS;
        }
        if (samples.isEmpty()) {
            err.println("no label files found in " + (labels != null ? labels : predictions));
            err.flush();
            return InspectionTools.PROBLEMS;
        }
        ClassNames names = classNamesFile != null ? ClassNames.read(classNamesFile)
                : LabelFolder.classNames(predictions, labels);
        PatternDeriver.Settings settings = new PatternDeriver.Settings(stdFactor, classStdFactors, minMargin,
                clusters, classes, seed);
        Derivation derivation;
        try {
            derivation = PatternDeriver.derive(PatternYaml.keyOf(output), variant, strict, samples, settings);
        } catch (IllegalArgumentException e) {
            err.println("FAIL  " + e.getMessage());
            err.flush();
            return InspectionTools.PROBLEMS;
        }
        Set<String> imageNames = new TreeSet<>();
        samples.forEach(s -> imageNames.add(s.image()));
        Files.writeString(Folders.createParentOf(output), yaml(derivation.pattern(), names, imageNames.size(),
                labelled, predicted), StandardCharsets.UTF_8);
        printItems(out, derivation, names, imageNames.size(), labelled, predicted);
        derivation.notes().forEach(n -> out.println("note: " + n));
        out.printf("Wrote %s%n", output);

        int failures = checkOnReferenceData(out, err, samples);
        if (preview != null) {
            drawPreview(out, err, derivation, samples, names);
        }
        out.flush();
        err.flush();
        return failures == 0 ? 0 : InspectionTools.PROBLEMS;
    }

    private void validate() {
        if (labels == null && predictions == null) {
            throw new ParameterException(spec.commandLine(), "give --labels DIR, --predictions DIR, or both");
        }
        Folders.requireFolder(spec, labels, "--labels");
        Folders.requireFolder(spec, predictions, "--predictions");
        Folders.requireFolder(spec, images, "--images");
        Folders.requireFile(spec, classNamesFile, "--class-names");
        if (PatternYaml.keyOf(output) == null) {
            throw new ParameterException(spec.commandLine(), "--output: a pattern file name ends with .yaml or .yml, "
                    + "got " + output.getFileName());
        }
        if (preview != null && images == null) {
            throw new ParameterException(spec.commandLine(), "--preview needs --images DIR to draw on");
        }
        if (variant.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--variant must not be blank");
        }
        if (!(stdFactor >= 0) || classStdFactors.values().stream().anyMatch(f -> !(f >= 0))) {
            throw new ParameterException(spec.commandLine(), "std factors must be >= 0");
        }
        if (!(minMargin >= 0 && minMargin <= 0.5)) {
            throw new ParameterException(spec.commandLine(), "--min-margin must be in 0..0.5, got " + minMargin);
        }
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new ParameterException(spec.commandLine(), "--min-score must be in 0..1, got " + minScore);
        }
        if (clusters.values().stream().anyMatch(k -> k < 1)) {
            throw new ParameterException(spec.commandLine(), "--clusters: each class needs at least 1 item");
        }
    }

    /** Reads one folder into samples; returns how many images it had. */
    private int read(Path folder, String source, List<Sample> samples, List<LabelFileException> problems)
            throws IOException {
        if (folder == null) {
            return 0;
        }
        LabelFolder read = LabelFolder.read(folder, progress.show());
        problems.addAll(read.problems());
        read.byImage().forEach((image, objects) -> samples.add(new Sample(image, source,
                objects.stream().filter(o -> o.scoreOrOne() >= minScore).toList())));
        return read.size();
    }

    private int checkOnReferenceData(PrintWriter out, PrintWriter err, List<Sample> samples) {
        Pattern written;
        try {
            written = PatternYaml.read(output);
        } catch (PatternFileException e) {
            throw new IllegalStateException("the written pattern does not load: " + e.getMessage(), e);
        }
        int failures = 0;
        for (Sample s : samples) {
            PatternCheckResult r = PatternMatcher.check(written,
                    s.objects().stream().map(LabelledObject::toDetection).toList(), minScore, null);
            if (!Boolean.TRUE.equals(r.decision())) {
                failures++;
                err.printf("FAIL  %s (%s): %s%n", s.image(), s.source(), r.reason());
            }
        }
        out.printf("Check on the reference data: %d of %d pass%n", samples.size() - failures, samples.size());
        return failures;
    }

    private void drawPreview(PrintWriter out, PrintWriter err, Derivation derivation, List<Sample> samples,
            ClassNames names) throws IOException {
        ImageFolder folder = ImageFolder.list(images);
        String name = previewImage != null ? stripExtension(previewImage)
                : samples.stream().map(Sample::image).filter(n -> folder.image(n) != null).sorted().findFirst()
                        .orElse(null);
        Path file = name != null ? folder.image(name) : null;
        if (file == null) {
            err.println("FAIL  no preview: " + (name != null ? "no image named " + name : "none of the labelled "
                    + "images") + " in " + images);
            return;
        }
        BufferedImage image;
        try {
            image = ImageCodec.decode(Files.readAllBytes(file));
        } catch (ImageDecodeException e) {
            err.println("FAIL  no preview: " + file + ": " + e.getMessage());
            return;
        }
        // The labels of the image where there are some, else its predictions.
        List<LabelledObject> objects = samples.stream().filter(s -> s.image().equals(name))
                .map(Sample::objects).findFirst().orElse(List.of());
        BufferedImage drawn = BoundsPreview.draw(image,
                objects.stream().map(o -> o.toPixelDetection(image.getWidth(), image.getHeight())).toList(),
                names::nameOf, derivation.pattern().variants().get(0));
        Files.write(Folders.createParentOf(preview), ImageCodec.encode(drawn, "png", 100));
        out.printf("Drew the bounds on %s -> %s%n", file.getFileName(), preview);
    }

    private static String stripExtension(String name) {
        return ImageFolder.isImage(Path.of(name)) ? name.substring(0, name.lastIndexOf('.')) : name;
    }

    private String yaml(Pattern pattern, ClassNames names, int images, int labelled, int predicted) {
        StringBuilder head = new StringBuilder();
        head.append(String.format(Locale.ROOT, "# Derived by inspection-tools derive-pattern from %d reference images"
                + " (%s).%n", images, sources(labelled, predicted)));
        head.append(String.format(Locale.ROOT, "# std-factor %s%s, min-margin %s, min-score %s, seed %d.%n",
                stdFactor, classStdFactors.isEmpty() ? "" : " " + classStdFactors, minMargin, minScore, seed));
        String body = PatternYaml.write(pattern);
        if (names.size() > 0) {
            Matcher m = java.util.regex.Pattern.compile("(?m)^(  - class_id: )(\\d+)$").matcher(body);
            StringBuilder named = new StringBuilder();
            while (m.find()) {
                String line = m.group(1) + m.group(2);
                m.appendReplacement(named, Matcher.quoteReplacement(String.format("%-24s# %s", line,
                        names.nameOf(Integer.parseInt(m.group(2))))));
            }
            m.appendTail(named);
            body = named.toString();
        }
        return head + body;
    }

    private static String sources(int labelled, int predicted) {
        Set<String> s = new LinkedHashSet<>();
        if (labelled > 0) {
            s.add(labelled + " label files");
        }
        if (predicted > 0) {
            s.add(predicted + " prediction files");
        }
        return String.join(", ", s);
    }

    private void printItems(PrintWriter out, Derivation d, ClassNames names, int images, int labelled,
            int predicted) {
        out.printf("Pattern '%s', variant '%s': %d items from %d reference images (%s)%n", d.pattern().key(),
                variant, d.clusters().size(), images, sources(labelled, predicted));
        out.printf("  %-3s %-16s %5s  %-34s %-34s %s%n", "#", "class", "boxes", "inner [x0, y0, x1, y1]",
                "outer [x0, y0, x1, y1]", "edge std");
        int i = 1;
        for (Cluster c : d.clusters()) {
            out.printf(Locale.ROOT, "  %-3d %-16s %5d  %-34s %-34s %.4f %.4f %.4f %.4f%n", i++,
                    names.nameOf(c.classId()) + " (" + c.classId() + ")", c.members().size(), format(c.inner()),
                    format(c.outer()), c.edgeStd()[0], c.edgeStd()[1], c.edgeStd()[2], c.edgeStd()[3]);
        }
    }

    private static String format(Box b) {
        return String.format(Locale.ROOT, "[%.4f, %.4f, %.4f, %.4f]", b.x0(), b.y0(), b.x1(), b.y1());
    }
}
