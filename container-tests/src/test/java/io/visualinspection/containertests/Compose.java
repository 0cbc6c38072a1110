package io.visualinspection.containertests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code podman-compose} on the checkout's {@code docker-compose.yaml} plus the tests' additions, as a project of
 * its own name; every command's output goes to {@code target/compose/compose.log}.
 */
final class Compose {

    static final String PROJECT = "vi-test";

    private final List<Path> files;
    private final Map<String, String> environment;
    private final Path logs = ContainerEnvironment.target().resolve("compose");

    Compose(Path override, Map<String, String> environment) {
        this.files = List.of(ComposeFile.path(), override);
        this.environment = environment;
    }

    /** Runs {@code podman-compose <arguments>} and fails unless it exits with 0. */
    void run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("podman-compose", "-p", PROJECT));
        files.forEach(f -> command.addAll(List.of("-f", f.toString())));
        command.addAll(List.of(arguments));
        int exit = exec(command, logs.resolve("compose.log"));
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit
                    + "; see " + logs.resolve("compose.log"));
        }
    }

    /** The name of the container of a service of this project. */
    String container(String service) {
        Path out = logs.resolve("ps.txt");
        exec(List.of("podman", "ps", "-a", "--format", "{{.Names}}",
                "--filter", "label=com.docker.compose.project=" + PROJECT,
                "--filter", "label=com.docker.compose.service=" + service), out);
        try {
            return Files.readAllLines(out).stream().map(String::strip).filter(s -> !s.isEmpty()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no container for service " + service));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the health check that the compose file defines for the service's container; true when it passes. */
    boolean healthCheckPasses(String service) {
        return exec(List.of("podman", "healthcheck", "run", container(service)),
                logs.resolve("healthcheck-" + service + ".txt")) == 0;
    }

    /** Saves the output of each service's container to {@code target/compose/<service>.log}. */
    void saveLogs(List<String> services) {
        for (String service : services) {
            try {
                exec(List.of("podman", "logs", container(service)), logs.resolve(service + ".log"));
            } catch (RuntimeException e) {
                // no container, nothing to save
            }
        }
    }

    /** Stops and removes the project's containers, volumes and network, whatever state they are in. */
    void down() {
        List<String> command = new ArrayList<>(List.of("podman-compose", "-p", PROJECT));
        files.forEach(f -> command.addAll(List.of("-f", f.toString())));
        command.addAll(List.of("down", "-v"));
        exec(command, logs.resolve("compose.log"));
        exec(List.of("sh", "-c", "podman ps -aq --filter label=com.docker.compose.project=" + PROJECT
                + " | xargs -r podman rm -f -v; podman network rm -f " + PROJECT + "_default || true"),
                logs.resolve("compose.log"));
    }

    private int exec(List<String> command, Path output) {
        try {
            Files.createDirectories(output.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(ContainerEnvironment.root().toFile())
                    .redirectErrorStream(true);
            if (output.getFileName().toString().equals("compose.log")) {
                Files.writeString(output, "\n$ " + String.join(" ", command) + "\n",
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                builder.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
            } else {
                builder.redirectOutput(output.toFile());
            }
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 5 minutes");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
