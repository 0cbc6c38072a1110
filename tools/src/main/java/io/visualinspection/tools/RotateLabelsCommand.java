package io.visualinspection.tools;

import io.visualinspection.model.labels.LabelFileException;
import io.visualinspection.model.labels.LabelTransform;
import io.visualinspection.model.labels.LabelTransform.Mirror;
import io.visualinspection.model.labels.YoloLabels;
import io.visualinspection.tools.cli.Folders;
import io.visualinspection.tools.cli.Progress;
import io.visualinspection.tools.cli.ProgressOption;
import io.visualinspection.tools.dataset.LabelFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Rotates and mirrors YOLO label files along with their images, for a camera mounted differently. */
@Command(name = "rotate-labels", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Rotates or mirrors YOLO label files, for a camera mounted differently.",
                "Rotates and/or mirrors the YOLO label files of a folder, as if their images had been "
                + "rotated clockwise by --rotate degrees and then mirrored: for a camera mounted differently. "
                + "Scores (a 6th column) are kept; classes.txt is copied.",
                "Exit code 1 when some label files cannot be read (listed, not written)."})
class RotateLabelsCommand implements Callable<Integer> {

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "DIR", description = "The label files to read.")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Where to write them (created; must differ from --input).")
    Path output;

    @Option(names = {"-r", "--rotate"}, paramLabel = "DEGREES", defaultValue = "0",
            description = "Clockwise rotation of the image: 0, 90, 180 or 270 (-90 = 270; default: ${DEFAULT-VALUE}).")
    int degrees;

    @Option(names = {"-m", "--mirror"}, paramLabel = "AXIS", defaultValue = "none",
            description = "Mirror after rotating: ${COMPLETION-CANDIDATES} (horizontal swaps left and right, "
                    + "vertical top and bottom; default: ${DEFAULT-VALUE}).")
    Mirror mirror;

    @Mixin
    ProgressOption progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Folders.requireFolder(spec, input, "--input");
        LabelTransform transform;
        try {
            transform = new LabelTransform(degrees, mirror);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--rotate: " + e.getMessage());
        }
        if (transform.isIdentity()) {
            throw new ParameterException(spec.commandLine(), "nothing to do: give --rotate 90|180|270 and/or "
                    + "--mirror horizontal|vertical");
        }
        if (Files.exists(output) && Files.isSameFile(input, output)) {
            throw new ParameterException(spec.commandLine(), "--output must be another folder than --input");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Folders.createFolder(output);
        List<Path> files = LabelFolder.files(input);
        List<String> problems = new ArrayList<>();
        int objects = 0;
        try (Progress bar = Progress.start("Rotating", files.size(), progress.show())) {
            for (Path file : files) {
                bar.working(file.getFileName().toString());
                try {
                    var moved = transform.apply(YoloLabels.read(file));
                    YoloLabels.write(output.resolve(file.getFileName()), moved);
                    objects += moved.size();
                } catch (LabelFileException e) {
                    problems.add(e.getMessage());
                }
                bar.step();
            }
        }
        Path classes = input.resolve(YoloLabels.CLASSES_FILE);
        if (Files.isRegularFile(classes)) {
            Files.copy(classes, output.resolve(YoloLabels.CLASSES_FILE), StandardCopyOption.REPLACE_EXISTING);
        }
        out.printf("%d label files (%d objects) %s -> %s%n", files.size() - problems.size(), objects, transform,
                output);
        problems.forEach(p -> err.println("FAIL  " + p));
        out.flush();
        err.flush();
        return problems.isEmpty() ? 0 : InspectionTools.PROBLEMS;
    }
}
