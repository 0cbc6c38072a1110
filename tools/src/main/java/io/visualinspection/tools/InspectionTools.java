package io.visualinspection.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The engineers' command-line tool. Exit codes: 0 success, 1 the data has problems (e.g. an invalid
 * pattern, decisions that disagree), 2 wrong usage, 3 an error that stopped the run.
 */
@Command(name = "inspection-tools", mixinStandardHelpOptions = true, version = "inspection-tools 1.0",
        description = "Tools for the visual inspection system: check, derive and evaluate patterns; measure and quantise models.",
        subcommands = {ValidatePatternsCommand.class, DerivePatternCommand.class, ExportPredictionsCommand.class,
                EvaluatePatternCommand.class, RotateLabelsCommand.class, BenchCommand.class, QuantizeCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the data has problems (each command says which)",
                "2:wrong usage (see --help)",
                "3:an error stopped the run (the model cannot be used, a file cannot be written...)"})
public class InspectionTools {

    public static final int PROBLEMS = 1;
    public static final int UNEXPECTED = 3;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new InspectionTools());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("error: " + e.getMessage()));
            return UNEXPECTED;
        });
        return cli;
    }
}
