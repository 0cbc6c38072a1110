package io.visualinspection.tools.cli;

import picocli.CommandLine.Option;

/** {@code --no-progress}, for the commands that run over folders. */
public class ProgressOption {

    @Option(names = "--no-progress", description = "Do not show a progress bar (on standard error).")
    boolean noProgress;

    public boolean show() {
        return !noProgress;
    }
}
