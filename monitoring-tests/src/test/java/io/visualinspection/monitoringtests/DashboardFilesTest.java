package io.visualinspection.monitoringtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Grafana side of monitoring/ as files, without Grafana: dashboards that Grafana 10+ loads as provisioned
 * (schema version, unique uids and panel ids, a layout that fits), every query on the provisioned datasource,
 * histograms and counters queried the way they must be, and provisioning that matches docker-compose.yaml.
 */
class DashboardFilesTest {

    private static final int MIN_SCHEMA_VERSION = 39;
    private static final Set<String> PANEL_TYPES = Set.of("timeseries", "stat", "bargauge", "heatmap", "table",
            "gauge", "text", "row");
    private static final Pattern COUNTER_FUNCTION = Pattern.compile("\\b(rate|irate|increase)\\(\\s*([a-zA-Z_:][\\w:]*)");
    private static final Pattern BUCKET = Pattern.compile("[a-zA-Z_:][\\w:]*_bucket\\b");
    private static final Pattern BUCKET_IN_COUNTER_FUNCTION = Pattern.compile(
            "\\b(rate|increase)\\(\\s*[a-zA-Z_:][\\w:]*_bucket\\b");
    private static final Pattern QUANTILE = Pattern.compile(
            "histogram_quantile\\(\\s*[0-9.]+\\s*,\\s*sum by \\(([^)]*)\\)\\s*\\(\\s*(rate|increase)\\(");

    private final List<MonitoringFiles.Dashboard> dashboards = MonitoringFiles.dashboards();

    @Test
    void theThreeDashboardsAreThere() {
        assertThat(dashboards).extracting(d -> d.file().getFileName().toString())
                .contains("line-overview.json", "performance.json", "jvm-and-system.json");
    }

    @Test
    void everyDashboardIsAProvisionableGrafanaDashboard() {
        Set<String> uids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (MonitoringFiles.Dashboard d : dashboards) {
            JsonNode json = d.json();
            String file = d.file().getFileName().toString();
            assertThat(json.path("schemaVersion").asInt()).as(file + " schemaVersion")
                    .isGreaterThanOrEqualTo(MIN_SCHEMA_VERSION);
            String uid = json.path("uid").asText();
            assertThat(uid).as(file + " uid").matches("[a-zA-Z0-9_-]{1,40}");
            assertThat(uids.add(uid)).as(file + ": uid " + uid + " is used by another dashboard").isTrue();
            assertThat(titles.add(d.title())).as(file + ": title " + d.title() + " is used twice").isTrue();
            assertThat(json.path("id").isMissingNode() || json.path("id").isNull())
                    .as(file + ": a provisioned dashboard carries no database id").isTrue();
            assertThat(json.path("editable").asBoolean(true)).as(file + ": provisioned dashboards are read-only")
                    .isFalse();
        }
    }

    @Test
    void panelIdsAreUniqueAndPanelsFitTheGrid() {
        for (MonitoringFiles.Dashboard d : dashboards) {
            String file = d.file().getFileName().toString();
            Set<Integer> ids = new HashSet<>();
            List<int[]> boxes = new ArrayList<>();
            for (JsonNode panel : d.panels()) {
                String title = file + " / " + panel.path("title").asText();
                assertThat(panel.path("id").isInt() && panel.path("id").asInt() > 0).as(title + " id").isTrue();
                assertThat(ids.add(panel.path("id").asInt())).as(title + ": duplicate panel id "
                        + panel.path("id").asInt()).isTrue();
                assertThat(panel.path("type").asText()).as(title + " type").isIn(PANEL_TYPES);
                assertThat(panel.path("title").asText()).as(file + ": a panel without title").isNotBlank();
                JsonNode g = panel.path("gridPos");
                int x = g.path("x").asInt(-1);
                int y = g.path("y").asInt(-1);
                int w = g.path("w").asInt(0);
                int h = g.path("h").asInt(0);
                assertThat(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= 24).as(title + " gridPos " + g).isTrue();
                for (int[] b : boxes) {
                    boolean overlap = x < b[0] + b[2] && b[0] < x + w && y < b[1] + b[3] && b[1] < y + h;
                    assertThat(overlap).as(title + " overlaps another panel").isFalse();
                }
                boxes.add(new int[] {x, y, w, h});
            }
        }
    }

    @Test
    void everyQueryUsesTheProvisionedPrometheusDatasource() {
        String uid = provisionedDatasourceUid();
        assertThat(uid).isEqualTo("prometheus");
        for (MonitoringFiles.Dashboard d : dashboards) {
            String file = d.file().getFileName().toString();
            for (JsonNode panel : d.panels()) {
                if (panel.path("type").asText().equals("row") || panel.path("type").asText().equals("text")) {
                    continue;
                }
                String title = file + " / " + panel.path("title").asText();
                assertDatasource(title, panel.path("datasource"), uid);
                assertThat(panel.path("targets").size()).as(title + " has queries").isPositive();
                Set<String> refIds = new HashSet<>();
                for (JsonNode target : panel.path("targets")) {
                    assertDatasource(title + " " + target.path("refId").asText(), target.path("datasource"), uid);
                    assertThat(refIds.add(target.path("refId").asText())).as(title + ": refIds are unique").isTrue();
                    assertThat(target.path("expr").asText()).as(title + " expr").isNotBlank();
                }
            }
            for (JsonNode variable : d.variables()) {
                assertDatasource(file + " variable " + variable.path("name").asText(), variable.path("datasource"),
                        uid);
            }
        }
    }

    @Test
    void everyPanelHasAUnitAndThresholdsFromABaseColour() {
        for (MonitoringFiles.Dashboard d : dashboards) {
            for (JsonNode panel : d.panels()) {
                if (panel.path("type").asText().equals("row") || panel.path("type").asText().equals("text")) {
                    continue;
                }
                String title = d.file().getFileName() + " / " + panel.path("title").asText();
                JsonNode defaults = panel.path("fieldConfig").path("defaults");
                assertThat(defaults.path("unit").asText()).as(title + " unit").isNotBlank();
                JsonNode steps = defaults.path("thresholds").path("steps");
                if (!steps.isMissingNode()) {
                    assertThat(steps.size()).as(title + " thresholds").isPositive();
                    assertThat(steps.get(0).path("value").isNull()).as(title + ": the first threshold is the base")
                            .isTrue();
                    double previous = Double.NEGATIVE_INFINITY;
                    for (int i = 1; i < steps.size(); i++) {
                        double v = steps.get(i).path("value").asDouble();
                        assertThat(v).as(title + ": thresholds ascend").isGreaterThan(previous);
                        previous = v;
                    }
                }
            }
        }
    }

    @Test
    void histogramsAndCountersAreQueriedThroughRates() {
        List<String> problems = new ArrayList<>();
        for (MonitoringFiles.Dashboard d : dashboards) {
            for (JsonNode panel : d.panels()) {
                for (JsonNode target : panel.path("targets")) {
                    String where = d.file().getFileName() + " / " + panel.path("title").asText();
                    problems.addAll(rateProblems(where, target.path("expr").asText()));
                }
            }
        }
        for (MonitoringFiles.AlertRule rule : MonitoringFiles.alertRules()) {
            problems.addAll(rateProblems(rule.name(), rule.expr()));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyVariableUsedIsDefinedAndSelectsAllAsARegex() {
        for (MonitoringFiles.Dashboard d : dashboards) {
            Map<String, String> defined = new HashMap<>();
            for (JsonNode v : d.variables()) {
                String name = v.path("name").asText();
                defined.put(name, ".*");
                if (v.path("includeAll").asBoolean()) {
                    assertThat(v.path("allValue").asText()).as(d.file().getFileName() + " $" + name + " allValue")
                            .isEqualTo(".*");
                }
                JsonNode q = v.path("query");
                String query = q.isObject() ? q.path("query").asText() : q.asText();
                PromQl.substitute(query, defined); // a variable may use only those before it
            }
            for (JsonNode panel : d.panels()) {
                for (JsonNode target : panel.path("targets")) {
                    PromQl.substitute(target.path("expr").asText(), defined);
                }
            }
        }
    }

    @Test
    void everyAlertRuleWaitsAndSaysHowBadAndWhat() {
        List<MonitoringFiles.AlertRule> rules = MonitoringFiles.alertRules();
        assertThat(rules).extracting(MonitoringFiles.AlertRule::name).containsExactlyInAnyOrder("ServiceDown",
                "InspectionNokRateHigh", "InferenceLatencyHigh", "UpstreamErrors", "ArchiveFailures");
        for (MonitoringFiles.AlertRule rule : rules) {
            assertThat(rule.forDuration()).as(rule.name() + " for").matches("\\d+[smh]");
            assertThat(rule.labels().get("severity")).as(rule.name() + " severity").isIn("critical", "warning");
            assertThat(rule.annotations().get("summary")).as(rule.name() + " summary").isNotBlank();
            assertThat(rule.annotations().get("description")).as(rule.name() + " description").isNotBlank();
        }
    }

    @Test
    void grafanaProvisioningMatchesTheComposeFile() throws Exception {
        JsonNode compose = MonitoringFiles.yaml(MonitoringFiles.root().resolve("docker-compose.yaml"));
        JsonNode providers = MonitoringFiles.yaml(MonitoringFiles.monitoring()
                .resolve("grafana/provisioning/dashboards/dashboards.yaml")).path("providers");
        assertThat(providers.size()).isEqualTo(1);
        String path = providers.get(0).path("options").path("path").asText();
        List<String> grafanaVolumes = new ArrayList<>();
        compose.path("services").path("grafana").path("volumes").forEach(v -> grafanaVolumes.add(v.asText()));
        assertThat(grafanaVolumes).as("Grafana gets the dashboards where the provider reads them")
                .anyMatch(v -> v.startsWith("./monitoring/grafana/dashboards:" + path));
        assertThat(grafanaVolumes).anyMatch(v -> v.startsWith("./monitoring/grafana/provisioning:"
                + "/etc/grafana/provisioning"));
        List<String> prometheusVolumes = new ArrayList<>();
        compose.path("services").path("prometheus").path("volumes").forEach(v -> prometheusVolumes.add(v.asText()));
        assertThat(prometheusVolumes).as("Prometheus gets prometheus.yml and its rule files")
                .anyMatch(v -> v.startsWith("./monitoring/prometheus:/etc/prometheus"));
        for (Path rules : MonitoringFiles.ruleFiles()) {
            assertThat(rules).as("rule files lie beside prometheus.yml").startsWith(MonitoringFiles.prometheusConfig()
                    .getParent());
            assertThat(rules).exists();
        }
        JsonNode datasource = datasources().get(0);
        assertThat(datasource.path("url").asText()).isEqualTo("http://prometheus:9090");
    }

    private static List<String> rateProblems(String where, String expr) {
        List<String> problems = new ArrayList<>();
        Matcher counters = COUNTER_FUNCTION.matcher(expr);
        while (counters.find()) {
            String metric = counters.group(2);
            if (!metric.matches(".*_(total|count|sum|bucket)")) {
                problems.add(where + ": " + counters.group(1) + "() of " + metric + ", which is no counter");
            }
        }
        long buckets = BUCKET.matcher(expr).results().count();
        long bucketsInRates = BUCKET_IN_COUNTER_FUNCTION.matcher(expr).results().count();
        if (buckets != bucketsInRates) {
            problems.add(where + ": histogram buckets outside rate()/increase(): " + expr);
        }
        long quantiles = Pattern.compile("histogram_quantile\\(").matcher(expr).results().count();
        Matcher q = QUANTILE.matcher(expr);
        long good = 0;
        while (q.find()) {
            if (List.of(q.group(1).split("\\s*,\\s*")).contains("le")) {
                good++;
            }
        }
        if (quantiles != good) {
            problems.add(where + ": histogram_quantile() needs sum by (le, ...) (rate(..._bucket[...])): " + expr);
        }
        return problems;
    }

    private static void assertDatasource(String where, JsonNode datasource, String uid) {
        assertThat(datasource.path("type").asText()).as(where + " datasource type").isEqualTo("prometheus");
        assertThat(datasource.path("uid").asText()).as(where + " datasource uid").isEqualTo(uid);
    }

    private static String provisionedDatasourceUid() {
        List<JsonNode> prometheus = datasources().stream().filter(d -> d.path("type").asText().equals("prometheus"))
                .toList();
        assertThat(prometheus).as("one provisioned Prometheus datasource").hasSize(1);
        return prometheus.get(0).path("uid").asText();
    }

    private static List<JsonNode> datasources() {
        List<JsonNode> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(MonitoringFiles.monitoring().resolve("grafana/provisioning/datasources"))) {
            for (Path f : files.filter(p -> p.toString().matches(".*\\.ya?ml")).sorted().toList()) {
                MonitoringFiles.yaml(f).path("datasources").forEach(all::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }
}
