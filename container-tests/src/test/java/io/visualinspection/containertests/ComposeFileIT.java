package io.visualinspection.containertests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** What a plant's IT relies on in {@code docker-compose.yaml}, the Dockerfiles and the monitoring configuration. */
@Order(0)
class ComposeFileIT {

    /** The system's services and the port each listens on. */
    static final Map<String, Integer> PORTS = Map.of("camera", 5050, "inference", 5052, "backend", 5051, "frontend", 8080);

    final ComposeFile compose = ComposeFile.load();

    @Test
    void theSystemIsFourServicesAndMonitoringIsAProfile() {
        assertThat(compose.coreServices()).containsExactlyInAnyOrderElementsOf(PORTS.keySet());
        for (String service : List.of("prometheus", "grafana")) {
            assertThat(texts(compose.service(service).path("profiles"))).containsExactly("monitoring");
        }
    }

    @Test
    void onlyTheUiAndTheMonitoringUisArePublished() {
        List<String> publishing = compose.services().stream()
                .filter(s -> !compose.service(s).path("ports").isEmpty()).toList();
        assertThat(publishing).containsExactlyInAnyOrder("frontend", "prometheus", "grafana");
    }

    @Test
    void servicesWaitForHealthyUpstreamsAndRestart() {
        assertThat(condition("backend", "camera")).isEqualTo("service_healthy");
        assertThat(condition("backend", "inference")).isEqualTo("service_healthy");
        assertThat(condition("frontend", "backend")).isEqualTo("service_healthy");
        for (String service : compose.services()) {
            assertThat(compose.service(service).path("restart").asText()).as(service).isEqualTo("unless-stopped");
        }
        PORTS.forEach((service, port) -> assertThat(texts(compose.service(service).path("healthcheck").path("test")))
                .as(service).contains("http://127.0.0.1:" + port + "/q/health/ready"));
    }

    @Test
    void dataLivesInVolumes() {
        assertThat(texts(compose.service("backend").path("volumes"))).contains("archive:/data/archive");
        assertThat(texts(compose.service("inference").path("volumes")))
                .contains("${VI_MODELS_DIR:-./samples/models}:/data/models:ro");
        List<String> named = new ArrayList<>();
        compose.volumes().fieldNames().forEachRemaining(named::add);
        assertThat(named).contains("archive", "prometheus-data", "grafana-data");
    }

    @Test
    void imagesAreBuiltFromEachModulesDockerfileOnAChosenBase() throws Exception {
        for (String service : PORTS.keySet()) {
            JsonNode build = compose.service(service).path("build");
            assertThat(build.path("args").path("BASE_IMAGE").asText()).isEqualTo("${VI_BASE_IMAGE:-eclipse-temurin:25-jre}");
            Path dockerfile = ContainerEnvironment.root().resolve(build.path("context").asText())
                    .resolve(build.path("dockerfile").asText());
            assertThat(dockerfile.toString()).endsWith("src/main/docker/Dockerfile.jvm");
            String text = Files.readString(dockerfile);
            assertThat(text).as(service).contains("ARG BASE_IMAGE=eclipse-temurin:25-jre", "USER 185",
                    "HEALTHCHECK", "/q/health/ready", "EXPOSE " + PORTS.get(service), "libturbojpeg0");
        }
    }

    @Test
    void prometheusScrapesEveryServiceByItsComposeName() throws Exception {
        Path config = ContainerEnvironment.root().resolve("monitoring/prometheus/prometheus.yml");
        List<String> targets = new ArrayList<>();
        for (JsonNode job : ComposeFile.YAML.readTree(config.toFile()).path("scrape_configs")) {
            for (JsonNode staticConfig : job.path("static_configs")) {
                for (String target : texts(staticConfig.path("targets"))) {
                    if (PORTS.containsKey(target.split(":")[0])) {
                        assertThat(job.path("metrics_path").asText()).as(target).isEqualTo("/q/metrics");
                    }
                    targets.add(target);
                }
            }
        }
        PORTS.forEach((service, port) -> assertThat(targets).contains(service + ":" + port));
    }

    @Test
    void theMonitoringConfigurationIsValidForPrometheus() throws Exception {
        ContainerEnvironment.requireCommands("promtool");
        Path config = ContainerEnvironment.root().resolve("monitoring/prometheus/prometheus.yml");
        Process promtool = new ProcessBuilder("promtool", "check", "config", config.toString())
                .redirectErrorStream(true).start();
        String output = new String(promtool.getInputStream().readAllBytes());
        assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(promtool.exitValue()).as(output).isZero();
    }

    private String condition(String service, String dependency) {
        return compose.service(service).path("depends_on").path(dependency).path("condition").asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
