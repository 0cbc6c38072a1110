package io.visualinspection.tools;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** One run of the command line as a script would see it: exit code, standard output, standard error. */
record ToolRun(int exitCode, String out, String err) {

    /** Runs the tool; progress bars are switched off where the command has them. */
    static ToolRun run(String... args) {
        return run(false, args);
    }

    /** Runs the tool with its progress bars (on the process's standard error). */
    static ToolRun runShowingProgress(String... args) {
        return run(true, args);
    }

    private static ToolRun run(boolean progress, String... args) {
        CommandLine cli = InspectionTools.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        CommandLine sub = args.length > 0 ? cli.getSubcommands().get(args[0]) : null;
        if (!progress && sub != null && sub.getCommandSpec().findOption("--no-progress") != null
                && !all.contains("--help")) {
            all.add("--no-progress");
        }
        int code = cli.execute(all.toArray(String[]::new));
        return new ToolRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
