package io.visualinspection.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidatePatternsCommandTest {

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cli = InspectionTools.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theSamplePatternIsValid() {
        Run r = run("validate-patterns", "../samples/patterns");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("pattern 'demo-cat'").contains("variant 'cat-centred': 1 items")
                .contains("1 valid, 0 invalid");
    }

    @Test
    void anInvalidFileIsReportedWithItsLineAndExitCodeOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("good.yaml"), "v:\n  - {class_id: 0, inner: [0.4, 0.4, 0.6, 0.6], outer: [0, 0, 1, 1]}\n");
        Files.writeString(dir.resolve("bad.yml"), "v:\n  - class_id: 0\n    inner: [0.4, 0.4, 0.6]\n    outer: [0, 0, 1, 1]\n");
        Run r = run("validate-patterns", dir.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("bad.yml:2: ").contains("4 numbers");
        assertThat(r.out()).contains("1 valid, 1 invalid");
    }

    @Test
    void wrongUsageIsExitCodeTwoAndHelpExplainsTheCommand() {
        assertThat(run("validate-patterns").exitCode()).isEqualTo(2);
        assertThat(run("no-such-command").exitCode()).isEqualTo(2);
        Run help = run("validate-patterns", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Checks pattern files").contains("PATH");
    }
}
