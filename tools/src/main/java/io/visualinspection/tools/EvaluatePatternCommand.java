package io.visualinspection.tools;

import io.visualinspection.model.ClassNames;
import io.visualinspection.model.Json;
import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.model.image.ImageDecodeException;
import io.visualinspection.model.labels.LabelFileException;
import io.visualinspection.model.labels.LabelledObject;
import io.visualinspection.model.pattern.Pattern;
import io.visualinspection.model.pattern.PatternCheckResult;
import io.visualinspection.model.pattern.PatternFileException;
import io.visualinspection.model.pattern.PatternYaml;
import io.visualinspection.tools.cli.Folders;
import io.visualinspection.tools.cli.ModelOptions;
import io.visualinspection.tools.cli.Progress;
import io.visualinspection.tools.cli.ProgressOption;
import io.visualinspection.tools.dataset.ImageFolder;
import io.visualinspection.tools.dataset.LabelFolder;
import io.visualinspection.tools.detect.Detector;
import io.visualinspection.tools.detect.DetectorException;
import io.visualinspection.tools.detect.ImagePrediction;
import io.visualinspection.tools.evaluate.DisagreementDrawing;
import io.visualinspection.tools.evaluate.EvaluationReport;
import io.visualinspection.tools.evaluate.ImageResult;
import io.visualinspection.tools.evaluate.PatternEvaluation;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Decides every labelled image twice, from its labels and from the model's predictions, and compares. */
@Command(name = "evaluate-pattern", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluates a pattern on labelled images: labels vs. model predictions, confusion matrix.",
                "Decides each image of a labelled set twice with the backend's "
                + "check, from its labels (what should happen) and from the model's predictions (what will "
                + "happen), and reports the confusion matrix, the accuracy and the images where they disagree.",
                "Predictions come from label files with scores (--predictions, as export-predictions writes them) "
                        + "or from a model run now over --images (--inference-url or --model-dir).",
                "Exit code 0 when every image is decided alike; 1 when some disagree, lack predictions, or the "
                        + "pattern or label files cannot be read; 3 when the model cannot be used."})
class EvaluatePatternCommand implements Callable<Integer> {

    @Option(names = {"-P", "--pattern"}, required = true, paramLabel = "FILE.yaml",
            description = "The pattern file to evaluate.")
    Path patternFile;

    @Option(names = {"-l", "--labels"}, required = true, paramLabel = "DIR",
            description = "YOLO label files of the images (the truth): one per image, an empty file for an image "
                    + "without objects.")
    Path labels;

    @Option(names = {"-p", "--predictions"}, paramLabel = "DIR",
            description = "The model's label files (with scores) for the same images.")
    Path predictions;

    @Option(names = "--images", paramLabel = "DIR",
            description = "The images: needed to run a model now, and for --drawn.")
    Path images;

    @Option(names = "--min-score", paramLabel = "0..1", defaultValue = "0.5",
            description = "Predictions scoring below this take no part, as the backend's min_score (default: "
                    + "${DEFAULT-VALUE}).")
    double minScore;

    @Option(names = "--strict", negatable = true,
            description = "Check strictly (extra objects of a named class fail), or not (--no-strict). Default: "
                    + "the pattern's own setting.")
    Boolean strict;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the report as JSON (counts, confusion matrix, every image's two checks); "
                    + "'-' writes it to standard output instead of the table.")
    Path json;

    @Option(names = "--drawn", paramLabel = "DIR",
            description = "Draw each image where the decisions disagree (labels left, predictions right, with the "
                    + "bounds of the items not found) into this folder as NAME.jpg; needs --images.")
    Path drawn;

    @Option(names = "--class-names", paramLabel = "FILE",
            description = "Class names for the drawings, one a line (classes.txt). Default: the model's, or "
                    + "classes.txt in the predictions or labels folder.")
    Path classNamesFile;

    @ArgGroup(validate = false, heading = "%nModel, to predict now instead of --predictions:%n")
    ModelOptions model = new ModelOptions();

    @Mixin
    ProgressOption progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, DetectorException {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean toStdout = json != null && json.toString().equals("-");
        Pattern pattern;
        try {
            pattern = PatternYaml.read(patternFile);
        } catch (PatternFileException e) {
            err.println("FAIL  " + e.getMessage());
            err.flush();
            return InspectionTools.PROBLEMS;
        }
        LabelFolder truth = LabelFolder.read(labels, progress.show());
        List<String> unreadable = new ArrayList<>();
        truth.problems().forEach(p -> unreadable.add(p.getMessage()));
        LabelFolder predicted = predictions != null ? LabelFolder.read(predictions, false) : null;
        ImageFolder imageFolder = images != null ? ImageFolder.list(images) : null;
        PatternEvaluation evaluation = new PatternEvaluation(pattern, minScore, strict);
        List<ImageResult> results = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        String source;
        try (Detector detector = model.given() ? model.open() : null;
                Progress bar = Progress.start("Evaluating", truth.size(), progress.show())) {
            source = detector != null ? detector.description() : predictions.toString();
            ClassNames names = classNamesFile != null ? ClassNames.read(classNamesFile)
                    : detector != null && detector.classNames().size() > 0 ? detector.classNames()
                    : LabelFolder.classNames(predictions, labels);
            for (Map.Entry<String, List<LabelledObject>> e : truth.byImage().entrySet()) {
                String name = e.getKey();
                bar.working(name);
                Path imageFile = imageFolder != null ? imageFolder.image(name) : null;
                Found found = detector != null ? predict(detector, name, imageFile)
                        : predicted.byImage().containsKey(name) ? new Found(predicted.byImage().get(name), null, null)
                        : new Found(null, null, "no prediction file " + name + ".txt in " + predictions);
                if (found.objects() == null) {
                    missing.add(name + ": " + found.problem());
                } else {
                    ImageResult result = evaluation.judge(name, e.getValue(), found.objects());
                    results.add(result);
                    if (!result.agree() && drawn != null && imageFile != null) {
                        draw(err, pattern, result, imageFile, found.image(), e.getValue(), found.objects(), names);
                    }
                }
                bar.step();
            }
        }
        predictedProblems(predicted, unreadable);
        // Predicted (or, with a model, present as an image) but never labelled: nothing to judge them against.
        Set<String> unjudged = new TreeSet<>(predicted != null ? predicted.byImage().keySet()
                : imageFolder != null ? imageFolder.byImage().keySet() : Set.of());
        unjudged.removeAll(truth.byImage().keySet());
        List<String> unlabelled = List.copyOf(unjudged);
        EvaluationReport report = EvaluationReport.of(pattern.key(), patternFile.toString(), labels.toString(), source,
                minScore, strict, results, missing, unlabelled);
        if (json != null) {
            if (toStdout) {
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            } else {
                Path file = Folders.createParentOf(json);
                Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), report);
            }
        }
        if (!toStdout) {
            printTable(out, report);
        }
        unreadable.forEach(u -> err.println("FAIL  " + u));
        missing.forEach(m -> err.println("MISSING  " + m));
        unlabelled.forEach(u -> err.println("UNLABELLED  " + u + ": no label file " + u + ".txt in " + labels));
        out.flush();
        err.flush();
        return report.allAgree() && unreadable.isEmpty() ? 0 : InspectionTools.PROBLEMS;
    }

    private void validate() {
        Folders.requireFile(spec, patternFile, "--pattern");
        Folders.requireFolder(spec, labels, "--labels");
        Folders.requireFolder(spec, predictions, "--predictions");
        Folders.requireFolder(spec, images, "--images");
        Folders.requireFile(spec, classNamesFile, "--class-names");
        model.validate(spec, false);
        if ((predictions != null) == model.given()) {
            throw new ParameterException(spec.commandLine(), "give the predictions: either --predictions DIR, or a "
                    + "model (--inference-url URL or --model-dir DIR) with --images DIR");
        }
        if (model.given() && images == null) {
            throw new ParameterException(spec.commandLine(), "running a model needs the images: --images DIR");
        }
        if (drawn != null && images == null) {
            throw new ParameterException(spec.commandLine(), "--drawn needs the images: --images DIR");
        }
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new ParameterException(spec.commandLine(), "--min-score must be in 0..1, got " + minScore);
        }
    }

    /** The predictions for one image, the image when it was decoded, or why there are none. */
    private record Found(List<LabelledObject> objects, BufferedImage image, String problem) {
    }

    private Found predict(Detector detector, String name, Path imageFile) throws IOException, DetectorException {
        if (imageFile == null) {
            return new Found(null, null, "no image of that name in " + images);
        }
        try {
            ImagePrediction p = ImagePrediction.of(detector, imageFile);
            return new Found(p.objects(), p.image(), null);
        } catch (ImageDecodeException e) {
            return new Found(null, null, e.getMessage());
        } catch (DetectorException e) {
            if (!e.imageRefused()) {
                throw e;
            }
            return new Found(null, null, e.getMessage());
        }
    }

    private static void predictedProblems(LabelFolder predicted, List<String> unreadable) {
        if (predicted != null) {
            for (LabelFileException p : predicted.problems()) {
                unreadable.add(p.getMessage());
            }
        }
    }

    private void draw(PrintWriter err, Pattern pattern, ImageResult result, Path imageFile, BufferedImage decoded,
            List<LabelledObject> truth, List<LabelledObject> found, ClassNames names) throws IOException {
        BufferedImage image = decoded;
        if (image == null) {
            try {
                image = ImageCodec.decode(Files.readAllBytes(imageFile));
            } catch (ImageDecodeException e) {
                err.println("FAIL  cannot draw " + imageFile + ": " + e.getMessage());
                return;
            }
        }
        BufferedImage drawing = DisagreementDrawing.draw(image, pattern, result, truth, found, minScore, names::nameOf);
        Files.write(Folders.createFolder(drawn).resolve(result.image() + ".jpg"), ImageCodec.encodeJpeg(drawing, 90));
    }

    private static void printTable(PrintWriter out, EvaluationReport r) {
        out.printf("Pattern '%s' on %d images: labels %s, predictions %s, min-score %s%n", r.pattern(), r.images(),
                r.labels(), r.predictions(), r.minScore());
        for (ImageResult result : r.results()) {
            if (!result.agree()) {
                out.printf("DISAGREE  %s: labels %s, predictions %s%n", result.image(), describe(result.labels()),
                        describe(result.predictions()));
            }
        }
        EvaluationReport.ConfusionMatrix m = r.confusionMatrix();
        out.println();
        out.printf("%-12s %13s %14s%n", "", "predicted OK", "predicted NOK");
        out.printf("%-12s %13d %14d%n", "labels OK", m.labelsOk().predictedOk(), m.labelsOk().predictedNok());
        out.printf("%-12s %13d %14d%n", "labels NOK", m.labelsNok().predictedOk(), m.labelsNok().predictedNok());
        out.println();
        out.printf(Locale.ROOT, "Accuracy %s (%d of %d images agree); false accepts (labels NOK, predicted OK): %d; "
                        + "false rejects (labels OK, predicted NOK): %d%n",
                r.accuracy() == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * r.accuracy()), r.agree(),
                r.images(), r.falseAccepts(), r.falseRejects());
        if (!r.missingPredictions().isEmpty()) {
            out.printf("%d images without predictions were not evaluated%n", r.missingPredictions().size());
        }
        if (!r.unlabelled().isEmpty()) {
            out.printf("%d images without a label file were not evaluated%n", r.unlabelled().size());
        }
    }

    private static String describe(PatternCheckResult check) {
        String verdict = Boolean.TRUE.equals(check.decision()) ? "OK" : "NOK";
        String variant = check.patternName() != null ? " '" + check.patternName() + "' " + check.matchedItems() + "/"
                + check.totalItems() : "";
        return verdict + variant + (check.reason() != null ? " (" + check.reason() + ")" : "");
    }
}
