package io.visualinspection.monitoringtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The files of {@code monitoring/}: Prometheus's configuration and alert rules, Grafana's provisioning and dashboards. */
final class MonitoringFiles {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private MonitoringFiles() {
    }

    /** The checkout's top folder. */
    static Path root() {
        String root = System.getProperty("project.root");
        return (root != null ? Path.of(root) : Path.of("..")).toAbsolutePath().normalize();
    }

    static Path monitoring() {
        return root().resolve("monitoring");
    }

    static Path prometheusConfig() {
        return monitoring().resolve("prometheus/prometheus.yml");
    }

    static Path dashboardsDir() {
        return monitoring().resolve("grafana/dashboards");
    }

    static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** One dashboard file. */
    record Dashboard(Path file, JsonNode json) {
        String title() {
            return json.path("title").asText();
        }

        /** Every panel, those inside collapsed rows included. */
        List<JsonNode> panels() {
            List<JsonNode> all = new ArrayList<>();
            for (JsonNode p : json.path("panels")) {
                all.add(p);
                p.path("panels").forEach(all::add);
            }
            return all;
        }

        List<JsonNode> variables() {
            List<JsonNode> list = new ArrayList<>();
            json.path("templating").path("list").forEach(list::add);
            return list;
        }
    }

    static List<Dashboard> dashboards() {
        try (Stream<Path> files = Files.list(dashboardsDir())) {
            List<Dashboard> list = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                list.add(new Dashboard(f, JSON.readTree(f.toFile())));
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One alerting rule of the rule files that prometheus.yml names. */
    record AlertRule(Path file, String group, String name, String expr, String forDuration, Map<String, String> labels,
            Map<String, String> annotations) {
    }

    static List<Path> ruleFiles() {
        List<Path> files = new ArrayList<>();
        for (JsonNode f : yaml(prometheusConfig()).path("rule_files")) {
            files.add(prometheusConfig().getParent().resolve(f.asText()).normalize());
        }
        return files;
    }

    static List<AlertRule> alertRules() {
        List<AlertRule> rules = new ArrayList<>();
        for (Path file : ruleFiles()) {
            for (JsonNode group : yaml(file).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    if (!rule.has("alert")) {
                        continue;
                    }
                    rules.add(new AlertRule(file, group.path("name").asText(), rule.path("alert").asText(),
                            rule.path("expr").asText(), rule.path("for").asText(null),
                            strings(rule.path("labels")), strings(rule.path("annotations"))));
                }
            }
        }
        return rules;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
