package io.visualinspection.tools.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks of the files and folders a command is given, as usage errors (exit code 2). */
public final class Folders {

    private Folders() {
    }

    public static Path requireFolder(CommandSpec spec, Path folder, String option) {
        if (folder != null && !Files.isDirectory(folder)) {
            throw new ParameterException(spec.commandLine(), option + ": " + folder + " is not a folder");
        }
        return folder;
    }

    public static Path requireFile(CommandSpec spec, Path file, String option) {
        if (file != null && !Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), option + ": " + file + " is not a file");
        }
        return file;
    }

    /** Creates the folder (and its parents) for output. */
    public static Path createFolder(Path folder) throws IOException {
        return Files.createDirectories(folder);
    }

    /** Creates the parent folder of an output file. */
    public static Path createParentOf(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return file;
    }
}
