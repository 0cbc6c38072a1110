package io.visualinspection.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Every command explains itself and every one of its options. */
class HelpTest {

    @Test
    void everyOptionOfEveryCommandHasADescription() {
        Map<String, CommandLine> commands = InspectionTools.commandLine().getSubcommands();
        assertThat(commands).containsKeys("validate-patterns", "derive-pattern", "export-predictions",
                "evaluate-pattern", "rotate-labels", "bench", "quantize");
        for (Map.Entry<String, CommandLine> c : commands.entrySet()) {
            for (OptionSpec option : c.getValue().getCommandSpec().options()) {
                assertThat(String.join(" ", option.description())).as(c.getKey() + " " + option.longestName())
                        .isNotBlank();
            }
        }
    }

    @Test
    void helpShowsEveryOptionWithItsDefaultAndTheExitCodes() {
        for (String command : new String[] {"derive-pattern", "export-predictions", "evaluate-pattern",
                "rotate-labels", "quantize"}) {
            ToolRun help = ToolRun.run(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: inspection-tools " + command).contains("Exit code")
                    .doesNotContain("${DEFAULT-VALUE}");
        }
        assertThat(ToolRun.run("derive-pattern", "--help").out()).contains("(default: 2.0)").contains("default: 0.01)");
        assertThat(ToolRun.run("rotate-labels", "--help").out()).contains("NONE, HORIZONTAL, VERTICAL");
        assertThat(ToolRun.run("quantize", "--help").out()).contains("(default: 0.9)").contains("(default: 40;");
        assertThat(ToolRun.run("export-predictions", "--help").out()).contains("Model (give --inference-url or "
                + "--model-dir):").contains("(default: 60 s)");
        ToolRun top = ToolRun.run("--help");
        assertThat(top.out()).contains("derive-pattern").contains("3   an error stopped the run");
    }
}
