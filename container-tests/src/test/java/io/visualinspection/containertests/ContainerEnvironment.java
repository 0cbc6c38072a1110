package io.visualinspection.containertests;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

/**
 * What the container tests need on this machine: a container engine's Docker API ({@code DOCKER_HOST}, podman's
 * here), the Java base image the service images are built on, and for the compose test podman-compose and a
 * Prometheus. {@code scripts/prepare-containers.sh} provides all of it. Where something is missing, a test is
 * skipped with a printed reason, and fails instead when {@code CI=true}.
 */
final class ContainerEnvironment {

    /** The base image of the service images: the one the preparation script builds, unless said otherwise. */
    static final String BASE_IMAGE = env("VI_BASE_IMAGE", "localhost/visual-inspection-base:latest");

    /** Label of every container and network the tests start themselves, so that leftovers can be removed. */
    static final String LABEL = "io.visualinspection.container-tests";

    private static final String PREPARE = "prepare this machine with scripts/prepare-containers.sh (as root)";
    private static boolean engineChecked;

    private ContainerEnvironment() {
    }

    /** The checkout's top folder. */
    static Path root() {
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    }

    /** This module's build folder, for logs and generated files. */
    static Path target() {
        return Path.of("target").toAbsolutePath();
    }

    /** The container engine answers and the base image is there; removes what an aborted run left behind. */
    static synchronized void requireEngine() {
        String host = System.getenv("DOCKER_HOST");
        if (host == null || host.isBlank()) {
            skip("DOCKER_HOST is not set");
        }
        if (host.startsWith("unix://") && !Files.exists(Path.of(host.substring("unix://".length())))) {
            skip("no container engine API at " + host);
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            skip("the container engine at " + host + " does not answer");
        }
        if (engineChecked) {
            return;
        }
        DockerClient docker = DockerClientFactory.instance().client();
        if (BASE_IMAGE.startsWith("localhost/")) {
            try {
                docker.inspectImageCmd(BASE_IMAGE).exec();
            } catch (NotFoundException e) {
                skip("the base image " + BASE_IMAGE + " does not exist");
            }
        }
        docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(LABEL)).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec());
        docker.listNetworksCmd().withFilter("label", List.of(LABEL)).exec()
                .forEach(n -> docker.removeNetworkCmd(n.getId()).exec());
        engineChecked = true;
    }

    /** These programs are on the PATH. */
    static void requireCommands(String... commands) {
        for (String command : commands) {
            if (which(command) == null) {
                skip(command + " is not installed");
            }
        }
    }

    static Path which(String command) {
        for (String dir : env("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static void skip(String what) {
        String reason = what + ": " + PREPARE;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(reason + "; CI=true, so this is a failure");
        }
        System.out.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
