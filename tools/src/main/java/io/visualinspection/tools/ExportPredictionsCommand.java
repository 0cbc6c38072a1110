package io.visualinspection.tools;

import io.visualinspection.model.ClassNames;
import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.model.image.ImageDecodeException;
import io.visualinspection.model.labels.YoloLabels;
import io.visualinspection.model.render.InspectionRenderer;
import io.visualinspection.tools.cli.Folders;
import io.visualinspection.tools.cli.ModelOptions;
import io.visualinspection.tools.cli.Progress;
import io.visualinspection.tools.cli.ProgressOption;
import io.visualinspection.tools.dataset.ImageFolder;
import io.visualinspection.tools.detect.Detector;
import io.visualinspection.tools.detect.DetectorException;
import io.visualinspection.tools.detect.ImagePrediction;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Runs a model over a folder of images and writes what it found as YOLO label files and drawn images. */
@Command(name = "export-predictions", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a model over a folder of images; writes YOLO label files with scores and drawn images.",
                "Runs the model over every image of a folder (JPEG, PNG, BMP, WebP) and writes its detections "
                + "as YOLO label files with scores (OUTPUT/labels/NAME.txt: 'class cx cy w h score', normalised; "
                + "plus classes.txt) and drawn images (OUTPUT/drawn/NAME.jpg).",
                "The model is a running inference service (--inference-url) or a model folder run in this "
                        + "process (--model-dir); both give the same detections.",
                "Exit code 1 when some images could not be read or were refused (listed); 3 when the model "
                        + "cannot be loaded or the service cannot be reached."})
class ExportPredictionsCommand implements Callable<Integer> {

    @Option(names = {"-i", "--images"}, required = true, paramLabel = "DIR",
            description = "The folder of images to run the model over.")
    Path images;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Where to write labels/ and drawn/ (created; files of the same name are replaced).")
    Path output;

    @Option(names = "--no-drawn", description = "Write only the label files, no drawn images.")
    boolean noDrawn;

    @Option(names = "--jpeg-quality", paramLabel = "1..100", defaultValue = "90",
            description = "JPEG quality of the drawn images (default: ${DEFAULT-VALUE}).")
    int jpegQuality;

    @ArgGroup(validate = false, heading = "%nModel (give --inference-url or --model-dir):%n")
    ModelOptions model = new ModelOptions();

    @Mixin
    ProgressOption progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, DetectorException {
        Folders.requireFolder(spec, images, "--images");
        model.validate(spec, true);
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new ParameterException(spec.commandLine(), "--jpeg-quality must be in 1..100, got " + jpegQuality);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImageFolder folder = ImageFolder.list(images);
        Path labelsOut = Folders.createFolder(output.resolve("labels"));
        Path drawnOut = noDrawn ? null : Folders.createFolder(output.resolve("drawn"));
        List<String> problems = new ArrayList<>();
        for (Path duplicate : folder.duplicates()) {
            problems.add(duplicate + ": skipped, another image has the same name (" + folder.image(
                    YoloLabels.stemOf(duplicate)).getFileName() + ")");
        }
        Map<Integer, Integer> perClass = new TreeMap<>();
        int exported = 0;
        try (Detector detector = model.open();
                Progress bar = Progress.start("Detecting", folder.size(), progress.show())) {
            out.printf("Detecting with %s%n", detector.description());
            for (Map.Entry<String, Path> e : folder.byImage().entrySet()) {
                bar.working(e.getValue().getFileName().toString());
                ImagePrediction p = predict(detector, e.getValue(), problems);
                if (p != null) {
                    YoloLabels.write(labelsOut.resolve(e.getKey() + YoloLabels.EXTENSION), p.objects());
                    if (drawnOut != null) {
                        BufferedImage drawing = InspectionRenderer.draw(p.image(), p.detections(), p::nameOf, null,
                                null);
                        Files.write(drawnOut.resolve(e.getKey() + ".jpg"), ImageCodec.encodeJpeg(drawing, jpegQuality));
                    }
                    exported++;
                    p.detections().forEach(d -> perClass.merge(d.classId(), 1, Integer::sum));
                }
                bar.step();
            }
            ClassNames names = detector.classNames();
            if (names.size() > 0) {
                Files.write(labelsOut.resolve(YoloLabels.CLASSES_FILE), names.names(), StandardCharsets.UTF_8);
            }
            out.printf("%d images, %d detections -> %s%s%n", exported,
                    perClass.values().stream().mapToInt(Integer::intValue).sum(), labelsOut,
                    drawnOut != null ? " and " + drawnOut : "");
            perClass.forEach((c, n) -> out.printf("  %-20s %d%n", names.nameOf(c), n));
        }
        for (String problem : problems) {
            err.println("FAIL  " + problem);
        }
        out.flush();
        err.flush();
        return problems.isEmpty() ? 0 : InspectionTools.PROBLEMS;
    }

    /** The image's prediction, or null when the image cannot be read or was refused (added to problems). */
    private static ImagePrediction predict(Detector detector, Path file, List<String> problems)
            throws IOException, DetectorException {
        try {
            return ImagePrediction.of(detector, file);
        } catch (ImageDecodeException e) {
            problems.add(file + ": " + e.getMessage());
        } catch (DetectorException e) {
            if (!e.imageRefused()) {
                throw e;
            }
            problems.add(file + ": " + e.getMessage());
        }
        return null;
    }
}
