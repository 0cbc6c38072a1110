package io.visualinspection.monitoringtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The compose Prometheus scrapes each service where it really listens: the service's compose name and the
 * {@code quarkus.http.port} of its module. MonitoringIT points the targets at test ports, so only this test
 * would notice a wrong port in prometheus.yml (the old system scraped the wrong one for months).
 */
class ScrapeConfigTest {

    /** Job (and compose service) name to Maven module. */
    private static final Map<String, String> MODULES = Map.of("camera", "camera-adapter-mock",
            "inference", "inference", "backend", "backend", "frontend", "frontend");

    @Test
    void everyServiceIsScrapedOnceOnItsOwnPortAndPath() throws IOException {
        JsonNode config = MonitoringFiles.yaml(MonitoringFiles.prometheusConfig());
        JsonNode composeServices = MonitoringFiles.yaml(MonitoringFiles.root().resolve("docker-compose.yaml"))
                .path("services");
        List<String> jobs = new ArrayList<>();
        for (JsonNode job : config.path("scrape_configs")) {
            String name = job.path("job_name").asText();
            jobs.add(name);
            assertThat(job.path("metrics_path").asText()).as(name + " metrics path").isEqualTo("/q/metrics");
            List<String> targets = new ArrayList<>();
            job.path("static_configs").forEach(s -> s.path("targets").forEach(t -> targets.add(t.asText())));
            assertThat(targets).as(name + " targets").containsExactly(name + ":" + httpPort(MODULES.get(name)));
            assertThat(composeServices.has(name)).as(name + " is a service of docker-compose.yaml").isTrue();
        }
        assertThat(jobs).containsExactlyInAnyOrderElementsOf(MODULES.keySet());
    }

    private static String httpPort(String module) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(MonitoringFiles.root().resolve(module)
                .resolve("src/main/resources/application.properties"))) {
            p.load(r);
        }
        return p.getProperty("quarkus.http.port");
    }
}
