package io.visualinspection.containertests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import io.visualinspection.model.testing.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code docker-compose.yaml} brought up with podman-compose, as a plant runs it: the system's services (monitoring
 * is a profile), on the images the image tests built. The tests' addition ({@code compose-test-ports.yaml})
 * publishes every service on the loopback address, so that a line controller's inspections go through the
 * backend's published port and a Prometheus on the host scrapes every service, with the scrape jobs of
 * {@code monitoring/prometheus/prometheus.yml} pointed at the published ports.
 */
@Order(10)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeSystemIT {

    static List<String> services;
    static final Map<String, Integer> published = new LinkedHashMap<>();
    static Compose compose;

    @BeforeAll
    static void up() throws Exception {
        ContainerEnvironment.requireEngine();
        ContainerEnvironment.requireCommands("podman", "podman-compose", "prometheus");
        services = ComposeFile.load().coreServices();
        services.forEach(ServiceImages::of);
        for (String service : services) {
            published.put(service, ServiceProcess.freePort());
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("VI_TAG", ServiceImages.TAG);
        environment.put("VI_BASE_IMAGE", ContainerEnvironment.BASE_IMAGE);
        environment.put("VI_BIND_ADDRESS", "127.0.0.1");
        environment.put("VI_UI_PORT", published.get("frontend").toString());
        environment.put("VI_TEST_CAMERA_PORT", published.get("camera").toString());
        environment.put("VI_TEST_INFERENCE_PORT", published.get("inference").toString());
        environment.put("VI_TEST_BACKEND_PORT", published.get("backend").toString());
        Path ports = Path.of(ComposeSystemIT.class.getResource("/compose-test-ports.yaml").toURI());
        compose = new Compose(ports, environment);
        compose.down();
        List<String> up = new ArrayList<>(List.of("up", "-d", "--no-build"));
        up.addAll(services);
        compose.run(up.toArray(String[]::new));
        awaitReady(Duration.ofMinutes(4));
    }

    @AfterAll
    static void down() {
        if (compose != null) {
            compose.saveLogs(services);
            compose.down();
        }
    }

    @Test
    @Order(1)
    void everyServicePassesTheHealthCheckOfTheComposeFile() {
        for (String service : services) {
            assertThat(compose.healthCheckPasses(service)).as("health check of %s", service).isTrue();
        }
    }

    @Test
    @Order(2)
    void aLineControllerGetsPassingAndFailingInspectionsThroughTheBackendsPort() {
        // The camera serves the sample images in name order: astronaut (NOK), chelsea (OK), coffee (NOK).
        List<Boolean> decisions = new ArrayList<>();
        List<List<String>> classes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonPath result = given().baseUri(url("backend")).queryParam("return_options", 127)
                    .when().get("/main/with-camera")
                    .then().statusCode(200).extract().jsonPath();
            decisions.add(result.getBoolean("decision"));
            classes.add(result.getList("results.class_names", String.class));
        }
        assertThat(decisions).containsExactly(false, true, false);
        assertThat(classes.get(1)).contains("cat");
    }

    @Test
    @Order(3)
    void theOperatorUiAnswersOnThePublishedUiPort() {
        given().baseUri(url("frontend")).when().get("/")
                .then().statusCode(200).contentType(containsString("text/html")).body(containsString("Vaadin"));
    }

    @Test
    @Order(4)
    void aPrometheusOnTheHostScrapesEveryService() throws Exception {
        Path config = hostPrometheusConfig();
        try (HostPrometheus prometheus = HostPrometheus.start(config)) {
            JsonNode targets = awaitTargetsScraped(prometheus, Duration.ofSeconds(60));
            Set<String> jobs = new HashSet<>();
            for (JsonNode target : targets) {
                assertThat(target.path("health").asText()).as("%s: %s", target.path("scrapeUrl").asText(),
                        target.path("lastError").asText()).isEqualTo("up");
                jobs.add(target.path("labels").path("job").asText());
            }
            assertThat(jobs).containsAll(services);
            for (JsonNode up : prometheus.query("up")) {
                assertThat(up.path("value").get(1).asText()).as("up of %s", up.path("metric")).isEqualTo("1");
            }
            JsonNode inspections = prometheus.query(
                    "sum(http_server_requests_seconds_count{job=\"backend\",uri=\"/main/with-camera\"})");
            assertThat(inspections).hasSize(1);
            assertThat(inspections.get(0).path("value").get(1).asDouble()).isGreaterThanOrEqualTo(3);
        }
    }

    private static String url(String service) {
        return "http://127.0.0.1:" + published.get(service);
    }

    /** The checkout's scrape configuration, each compose service's target replaced by its published port. */
    private static Path hostPrometheusConfig() throws Exception {
        Path monitoring = ContainerEnvironment.root().resolve("monitoring/prometheus");
        ObjectNode config = (ObjectNode) ComposeFile.YAML.readTree(monitoring.resolve("prometheus.yml").toFile());
        ObjectNode global = config.has("global") ? (ObjectNode) config.get("global") : config.putObject("global");
        global.put("scrape_interval", "1s");
        if (config.has("rule_files")) {
            ArrayNode rules = config.putArray("rule_files");
            for (JsonNode rule : ComposeFile.YAML.readTree(monitoring.resolve("prometheus.yml").toFile())
                    .path("rule_files")) {
                rules.add(monitoring.resolve(rule.asText()).toString());
            }
        }
        for (JsonNode job : config.path("scrape_configs")) {
            for (JsonNode staticConfig : job.path("static_configs")) {
                ArrayNode targets = (ArrayNode) staticConfig.path("targets");
                for (int i = 0; i < targets.size(); i++) {
                    String service = targets.get(i).asText().split(":")[0];
                    assertThat(published).as("scrape target %s is a compose service", targets.get(i).asText())
                            .containsKey(service);
                    targets.set(i, "127.0.0.1:" + published.get(service));
                }
            }
        }
        Path file = ContainerEnvironment.target().resolve("prometheus/prometheus.yml");
        Files.createDirectories(file.getParent());
        ComposeFile.YAML.writeValue(file.toFile(), config);
        return file;
    }

    private static JsonNode awaitTargetsScraped(HostPrometheus prometheus, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode targets;
        do {
            targets = prometheus.get("/api/v1/targets").path("data").path("activeTargets");
            boolean allUp = targets.size() >= services.size();
            for (JsonNode target : targets) {
                allUp &= "up".equals(target.path("health").asText());
            }
            if (allUp) {
                return targets;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        return targets;
    }

    private static void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String service : services) {
            while (true) {
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // not answering yet
                }
                if (System.nanoTime() > deadline) {
                    compose.saveLogs(services);
                    throw new IllegalStateException(service + " not ready within " + timeout
                            + "; its output is in target/compose/" + service + ".log");
                }
                Thread.sleep(1000);
            }
        }
    }
}
