package io.visualinspection.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The engineers' command-line tool. Exit codes: 0 success, 1 the checked data has problems (e.g. an
 * invalid pattern), 2 wrong usage, 3 an unexpected error.
 */
@Command(name = "inspection-tools", mixinStandardHelpOptions = true, version = "inspection-tools 1.0",
        description = "Tools for the visual inspection system: check, derive and evaluate patterns.",
        subcommands = {ValidatePatternsCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the data checked has problems", "2:wrong usage (see --help)",
                "3:unexpected error"})
public class InspectionTools {

    public static final int PROBLEMS = 1;
    public static final int UNEXPECTED = 3;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new InspectionTools());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("error: " + e.getMessage()));
            return UNEXPECTED;
        });
        return cli;
    }
}
