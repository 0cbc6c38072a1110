package io.visualinspection.tools;

import io.visualinspection.model.pattern.Pattern;
import io.visualinspection.model.pattern.PatternFileException;
import io.visualinspection.model.pattern.PatternVariant;
import io.visualinspection.model.pattern.PatternYaml;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Checks pattern files the way the backend loads them, before they are deployed. */
@Command(name = "validate-patterns", mixinStandardHelpOptions = true,
        description = {"Checks pattern files (a file, or every .yaml/.yml of a folder) as the backend reads them.",
                "Prints each pattern's variants, or the file, line and problem of each invalid file.",
                "Exit code 1 when any file is invalid."})
class ValidatePatternsCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Pattern files or folders of them.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int valid = 0;
        int invalid = 0;
        for (Path path : paths) {
            for (Path file : files(path)) {
                try {
                    Pattern p = PatternYaml.read(file);
                    valid++;
                    out.printf("OK    %s: pattern '%s'%s%n", file, p.key(), p.strict() ? " (strict)" : "");
                    for (PatternVariant v : p.variants()) {
                        out.printf("        variant '%s': %d items%n", v.name(), v.items().size());
                    }
                } catch (PatternFileException e) {
                    invalid++;
                    err.printf("FAIL  %s%n", e.getMessage());
                }
            }
        }
        out.printf("%d valid, %d invalid%n", valid, invalid);
        out.flush();
        err.flush();
        return invalid == 0 && valid > 0 ? 0 : InspectionTools.PROBLEMS;
    }

    private static List<Path> files(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.list(path)) {
            return s.filter(p -> PatternYaml.keyOf(p) != null).sorted().toList();
        }
    }
}
