package io.visualinspection.containertests;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * One service image run as a container: its port published on the loopback address only, ready when
 * {@code /q/health/ready} answers 200, its output in {@code target/containers/<service>.log}.
 */
final class ServiceContainer extends GenericContainer<ServiceContainer> {

    private final String service;
    private final int port;
    private final Path log;
    private final List<Bind> mounts = new ArrayList<>();

    ServiceContainer(String service, int port) {
        super(DockerImageName.parse(ServiceImages.of(service)));
        this.service = service;
        this.port = port;
        this.log = ContainerEnvironment.target().resolve("containers").resolve(service + ".log");
        String name = "vi-test-" + service + "-" + UUID.randomUUID().toString().substring(0, 8);
        withExposedPorts(port);
        withLabel(ContainerEnvironment.LABEL, "true");
        withCreateContainerCmdModifier(cmd -> {
            cmd.withName(name);
            cmd.getHostConfig().withPublishAllPorts(false)
                    .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(port)))
                    .withBinds(mounts);
        });
        withLogConsumer(this::append);
        waitingFor(Wait.forHttp("/q/health/ready").forPort(port).forStatusCode(200)
                .withStartupTimeout(Duration.ofMinutes(3)));
    }

    /** Mounts a folder of the host read-only, as the compose file does. */
    ServiceContainer withReadOnlyFolder(Path host, String containerPath) {
        mounts.add(new Bind(host.toString(), new Volume(containerPath), AccessMode.ro));
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + getMappedPort(port);
    }

    /** The image's own HEALTHCHECK asks for readiness and passes, run the way the engine runs it. */
    void assertHealthy() throws Exception {
        HealthCheck check = getContainerInfo().getConfig().getHealthcheck();
        assertThat(check).as("HEALTHCHECK of %s", getDockerImageName()).isNotNull();
        List<String> test = check.getTest();
        assertThat(String.join(" ", test)).contains("/q/health/ready");
        String[] command = "CMD-SHELL".equals(test.get(0))
                ? new String[] {"/bin/sh", "-c", test.get(1)}
                : test.subList(1, test.size()).toArray(String[]::new);
        ExecResult result = execInContainer(command);
        assertThat(result.getExitCode()).as("health check of %s: %s%s", service, result.getStdout(),
                result.getStderr()).isZero();
    }

    /** The service runs as an unprivileged user, not root. */
    void assertRunsUnprivileged() throws Exception {
        ExecResult id = execInContainer("id", "-u");
        assertThat(id.getExitCode()).isZero();
        assertThat(id.getStdout().strip()).isNotEqualTo("0");
    }

    private void append(OutputFrame frame) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, frame.getUtf8String(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
