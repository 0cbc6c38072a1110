package io.visualinspection.monitoringtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The monitoring configuration against real data: the four services from their jars, a line's worth of
 * inspections (OK and NOK, by camera and by upload), operator overrules and things going wrong (camera faults,
 * images no decoder reads, a broken archive, a rejected and a replaced model), scraped every second by Debian's
 * Prometheus with the checkout's {@code prometheus.yml} and alert rules. Then every query of every dashboard
 * panel and variable, and every alert rule, is evaluated through Prometheus's HTTP API: each must be valid, and
 * each part of it must return series, so a misspelt metric or label fails here and not on a plant's screen.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringIT {

    private static final Pattern LABEL_VALUES = Pattern.compile("^label_values\\((?:(.*),)?\\s*(\\w+)\\s*\\)$",
            Pattern.DOTALL);
    private static final Pattern LEGEND_LABEL = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
    private static final Pattern ANNOTATION_LABEL = Pattern.compile("\\$labels\\.(\\w+)");
    private static final Set<String> JOBS = Set.of("camera", "inference", "backend", "frontend");

    private static MonitoredSystem system;
    private static Prometheus prometheus;
    private static Line line;
    private static long prometheusStarted;
    private static Path prometheusConfig;

    @BeforeAll
    static void runALineUnderPrometheus() throws Exception {
        Prometheus.requireInstalled();
        long t0 = System.nanoTime();
        system = MonitoredSystem.start();
        Path dir = Path.of("target", "prometheus").toAbsolutePath();
        prometheusConfig = system.prometheusConfig(dir);
        prometheus = Prometheus.start(prometheusConfig, dir);
        prometheusStarted = System.nanoTime();
        System.out.printf("monitoring: services and Prometheus (%s) up in %d s%n", prometheus.url(),
                (prometheusStarted - t0) / 1_000_000_000);
        line = new Line(system);
        drive();
        awaitScraped();
        System.out.printf("monitoring: %d inspections (%d OK, %d NOK), %d upstream errors, %d overrules in %d s%n",
                line.inspections(), line.ok, line.nok, line.upstreamErrors, line.overrules,
                (System.nanoTime() - prometheusStarted) / 1_000_000_000);
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (system != null) {
            system.close();
        }
    }

    /** A few dozen requests: what a line's shift brings, condensed. */
    private static void drive() throws Exception {
        for (int i = 0; i < 9; i++) {
            line.triggerCamera(); // astronaut NOK, chelsea OK, coffee NOK, ...
        }
        for (String image : List.of("chelsea.png", "coffee.png", "chelsea.png", "coffee.png")) {
            line.upload(image);
        }
        line.overrule(line.inspectionIds.get(0), true); // astronaut: NOK, the operator passes it
        line.overrule(line.inspectionIds.get(1), false); // chelsea: OK, the operator fails it
        line.triggerFailingCamera("{\"failure_rate\": 1.0}", 2); // 502, failed
        line.triggerFailingCamera("{\"disconnected\": true}", 2); // 503
        line.triggerFailingCamera("{\"latency_ms\": 1500}", 1); // 504, timeout
        line.triggerFailingCamera("{\"corrupt_image\": true}", 1); // 502, bad_image: inference cannot read it
        line.uploadGarbage();
        line.uploadGarbage();
        line.inspectWhileTheArchiveIsBroken("coffee.png", 2);
        line.changeTheModelFolder();
        line.openTheOperatorUi();
        for (int i = 0; i < 9; i++) {
            line.triggerCamera();
        }
    }

    /** Until Prometheus has every inspection and error, then a few more scrapes and rule evaluations. */
    private static void awaitScraped() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (value("sum(inspections_total)") != line.inspections()
                || value("sum(upstream_errors_total)") != line.upstreamErrors) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Prometheus did not scrape the backend's counts: " + prometheus.get(
                        "/api/v1/targets") + "\n" + prometheus.tail());
            }
            Prometheus.sleep(250);
        }
        Prometheus.sleep(5000);
    }

    @Test
    @Order(1)
    void promtoolAcceptsTheConfigurationAndItsRules() {
        assertThat(Prometheus.promtool("config", MonitoringFiles.prometheusConfig())).contains("SUCCESS");
        assertThat(Prometheus.promtool("config", prometheusConfig)).contains("SUCCESS");
        assertThat(MonitoringFiles.ruleFiles()).isNotEmpty();
        for (Path rules : MonitoringFiles.ruleFiles()) {
            assertThat(Prometheus.promtool("rules", rules)).contains("SUCCESS");
        }
    }

    @Test
    @Order(2)
    void prometheusScrapesEveryServiceTheBackendWithItsToken() {
        assertThat(line.backendMetricsStatusWithoutToken()).as("the backend protects its metrics").isEqualTo(401);
        Map<String, String> health = new TreeMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        do {
            health.clear();
            for (JsonNode target : prometheus.get("/api/v1/targets").path("data").path("activeTargets")) {
                String h = target.path("health").asText();
                health.put(target.path("labels").path("job").asText(), h.equals("up") ? h
                        : h + " (" + target.path("scrapeUrl").asText() + ": " + target.path("lastError").asText() + ")");
            }
            if (health.values().stream().allMatch("up"::equals) && health.keySet().equals(JOBS)) {
                break;
            }
            Prometheus.sleep(500);
        } while (System.nanoTime() < deadline);
        Set<String> up = new HashSet<>();
        health.forEach((job, h) -> {
            assertThat(h).as(job).isEqualTo("up");
            up.add(job);
        });
        assertThat(up).containsExactlyInAnyOrderElementsOf(JOBS);
    }

    @Test
    @Order(3)
    void theMainQueriesCountWhatTheLineDid() {
        assertCount("sum(inspections_total)", line.inspections());
        assertCount("sum(inspections_total{decision=\"ok\"})", line.ok);
        assertCount("sum(inspections_total{decision=\"nok\"})", line.nok);
        assertCount("sum(upstream_errors_total)", line.upstreamErrors);
        // By upstream and kind, as drive() caused them: a corrupt camera image is the camera's fault (bad_image);
        // a garbage upload, refused by inference with a 400 passed on, is the caller's and not counted.
        assertCount("sum(upstream_errors_total{upstream=\"camera\",kind=\"failed\"})", 2);
        assertCount("sum(upstream_errors_total{upstream=\"camera\",kind=\"overloaded\"})", 2);
        assertCount("sum(upstream_errors_total{upstream=\"camera\",kind=\"timeout\"})", 1);
        assertCount("sum(upstream_errors_total{upstream=\"camera\",kind=\"bad_image\"})", 1);
        assertThat(line.callerErrors).isEqualTo(2);
        assertThat(prometheus.query("upstream_errors_total{kind=\"refused\"}")).as("refused uploads counted").isEmpty();
        assertCount("sum(inspection_overrules_total)", line.overrules);
        assertCount("sum(archive_failures_total)", 2);
        // Rejected at start, and again when changeTheModelFolder() forces a reload (which retries rejected folders).
        assertCount("sum(inference_model_loads_total{outcome=\"rejected\",model=\"broken-model\"})", 2);
        assertCount("sum(inference_model_loads_total{outcome=\"replaced\",model=\"yolov5s-coco\"})", 1);
        double p95 = value("histogram_quantile(0.95, sum by (le) (rate(inspection_stage_seconds_bucket"
                + "{stage=\"total\"}[5m])))");
        assertThat(p95).as("p95 of the inspection time").isBetween(0.01, 30.0);
    }

    @Test
    @Order(4)
    void everyDashboardVariableHasValues() {
        List<String> problems = new ArrayList<>();
        for (MonitoringFiles.Dashboard dashboard : MonitoringFiles.dashboards()) {
            try {
                firstValues(dashboard);
            } catch (AssertionError | RuntimeException e) {
                problems.add(dashboard.file().getFileName() + ": " + e.getMessage());
            }
        }
        assertThat(problems).as("dashboard variables without values").isEmpty();
    }

    @Test
    @Order(5)
    void everyPanelQueryIsValidAndReturnsSeries() {
        List<String> problems = new ArrayList<>();
        int queries = 0;
        for (MonitoringFiles.Dashboard dashboard : MonitoringFiles.dashboards()) {
            Map<String, String> all = new LinkedHashMap<>();
            dashboard.variables().forEach(v -> all.put(v.path("name").asText(),
                    v.path("includeAll").asBoolean() ? v.path("allValue").asText(".*") : ".*"));
            Map<String, String> first;
            try {
                first = firstValues(dashboard);
            } catch (AssertionError | RuntimeException e) {
                problems.add(dashboard.file().getFileName() + ": " + e.getMessage());
                continue;
            }
            for (JsonNode panel : dashboard.panels()) {
                for (JsonNode target : panel.path("targets")) {
                    String where = dashboard.file().getFileName() + " / " + panel.path("title").asText() + " / "
                            + target.path("refId").asText();
                    String expr = target.path("expr").asText();
                    for (Map<String, String> values : List.of(all, first)) {
                        queries++;
                        String query;
                        try {
                            query = PromQl.substitute(expr, values);
                        } catch (IllegalArgumentException e) {
                            problems.add(where + ": " + e.getMessage());
                            continue;
                        }
                        problems.addAll(check(where + " " + values, query, legendLabels(target)));
                    }
                }
            }
        }
        System.out.printf("monitoring: %d panel queries evaluated%n", queries);
        assertThat(queries).isGreaterThan(50);
        assertThat(problems).as("panel queries that are invalid or return no series").isEmpty();
    }

    @Test
    @Order(6)
    void everyAlertRuleIsValidAndWhatItMeasuresReturnsSeries() {
        List<MonitoringFiles.AlertRule> rules = MonitoringFiles.alertRules();
        assertThat(rules).extracting(MonitoringFiles.AlertRule::name).contains("ServiceDown",
                "InspectionNokRateHigh", "InferenceLatencyHigh", "UpstreamErrors", "ArchiveFailures");
        List<String> problems = new ArrayList<>();
        for (MonitoringFiles.AlertRule rule : rules) {
            Set<String> labels = new TreeSet<>();
            rule.annotations().values().forEach(a -> {
                Matcher m = ANNOTATION_LABEL.matcher(a);
                while (m.find()) {
                    labels.add(m.group(1));
                }
            });
            problems.addAll(check(rule.name(), rule.expr(), labels));
        }
        for (JsonNode group : prometheus.get("/api/v1/rules").path("data").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (!"ok".equals(rule.path("health").asText())) {
                    problems.add(rule.path("name").asText() + ": Prometheus evaluates it with health "
                            + rule.path("health").asText() + ": " + rule.path("lastError").asText());
                }
            }
        }
        assertThat(problems).as("alert rules that are invalid or measure nothing").isEmpty();
    }

    @Test
    @Order(7)
    void theAlertsOfWhatWentWrongBecomeActive() {
        Set<String> expected = Set.of("UpstreamErrors", "ArchiveFailures", "InspectionNokRateHigh");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Set<String> active;
        do {
            active = new TreeSet<>();
            for (JsonNode alert : prometheus.get("/api/v1/alerts").path("data").path("alerts")) {
                String state = alert.path("state").asText();
                if (state.equals("pending") || state.equals("firing")) {
                    active.add(alert.path("labels").path("alertname").asText());
                }
            }
            if (active.containsAll(expected)) {
                break;
            }
            Prometheus.sleep(500);
        } while (System.nanoTime() < deadline);
        assertThat(active).containsAll(expected);
    }

    @Test
    @Order(8)
    void screenshotsOfTheMainQueries() throws Exception {
        long seconds = (System.nanoTime() - prometheusStarted) / 1_000_000_000L + 5;
        Map<String, String> shots = new LinkedHashMap<>();
        shots.put("prometheus-decisions.png", panelExpr("OK and NOK per minute"));
        shots.put("prometheus-nok-rate.png", panelExpr("NOK rate by pattern (15 min)"));
        shots.put("prometheus-stage-p95.png", panelExpr("p95 by stage"));
        shots.put("prometheus-upstream-errors.png", panelExpr("Upstream errors by kind"));
        shots.put("prometheus-detections.png", panelExpr("Detections per minute by class"));
        shots.put("prometheus-memory.png", "process_resident_memory_bytes");
        PrometheusScreenshots.take(prometheus, shots, seconds + "s");
    }

    /** The problems of one query: refused, a part without series, an unknown metric, a legend label missing. */
    private static List<String> check(String where, String query, Set<String> labels) {
        List<String> problems = new ArrayList<>();
        JsonNode answer = prometheus.queryAnswer(query);
        if (!"success".equals(answer.path("status").asText())) {
            problems.add(where + ": refused (" + answer.path("error").asText() + "): " + query);
            return problems;
        }
        Set<String> found = new HashSet<>();
        for (String part : PromQl.parts(query)) {
            JsonNode partAnswer = prometheus.queryAnswer(part);
            JsonNode result = partAnswer.path("data").path("result");
            if (!"success".equals(partAnswer.path("status").asText())) {
                problems.add(where + ": a part is refused (" + partAnswer.path("error").asText() + "): " + part);
            } else if (result.isEmpty()) {
                problems.add(where + ": no series for " + part);
            }
            result.forEach(series -> series.path("metric").fieldNames().forEachRemaining(found::add));
        }
        for (String metric : PromQl.metricNames(query)) {
            if (prometheus.query("group(" + metric + ")").isEmpty()) {
                problems.add(where + ": no metric " + metric);
            }
        }
        for (String label : labels) {
            if (!found.contains(label)) {
                problems.add(where + ": no series has the label " + label + " it shows: " + query);
            }
        }
        return problems;
    }

    private static Set<String> legendLabels(JsonNode target) {
        Set<String> labels = new TreeSet<>();
        Matcher m = LEGEND_LABEL.matcher(target.path("legendFormat").asText(""));
        while (m.find()) {
            labels.add(m.group(1));
        }
        return labels;
    }

    /** Each variable's first value, from its query as Grafana would run it, in the dashboard's order. */
    private static Map<String, String> firstValues(MonitoringFiles.Dashboard dashboard) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode variable : dashboard.variables()) {
            String name = variable.path("name").asText();
            JsonNode q = variable.path("query");
            String query = q.isObject() ? q.path("query").asText() : q.asText();
            Matcher m = LABEL_VALUES.matcher(query.strip());
            if (!"query".equals(variable.path("type").asText()) || !m.matches()) {
                throw new AssertionError("variable " + name + ": only label_values(...) queries are checked here: "
                        + query);
            }
            String selector = m.group(1) == null ? null : PromQl.substitute(m.group(1).strip(), values);
            List<String> found = prometheus.labelValues(m.group(2), selector);
            if (found.isEmpty()) {
                throw new AssertionError("variable " + name + " has no values: " + query);
            }
            values.put(name, new TreeSet<>(found).first());
        }
        return values;
    }

    private static String panelExpr(String title) {
        for (MonitoringFiles.Dashboard dashboard : MonitoringFiles.dashboards()) {
            for (JsonNode panel : dashboard.panels()) {
                if (panel.path("title").asText().equals(title)) {
                    Map<String, String> all = new LinkedHashMap<>();
                    dashboard.variables().forEach(v -> all.put(v.path("name").asText(), ".*"));
                    return PromQl.substitute(panel.path("targets").get(0).path("expr").asText(), all);
                }
            }
        }
        throw new AssertionError("no panel " + title);
    }

    private static void assertCount(String query, int expected) {
        assertThat(value(query)).as(query).isEqualTo((double) expected);
    }

    private static double value(String query) {
        JsonNode result = prometheus.query(query);
        return result.isEmpty() ? Double.NaN : result.get(0).path("value").get(1).asDouble();
    }
}
