package io.visualinspection.containertests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checkout's {@code docker-compose.yaml}, read as data. */
final class ComposeFile {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::?-([^}]*))?}");

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final JsonNode root;

    private ComposeFile(JsonNode root) {
        this.root = root;
    }

    static Path path() {
        return ContainerEnvironment.root().resolve("docker-compose.yaml");
    }

    static ComposeFile load() {
        try {
            return new ComposeFile(YAML.readTree(path().toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode service(String name) {
        JsonNode service = root.path("services").path(name);
        if (service.isMissingNode()) {
            throw new IllegalArgumentException("docker-compose.yaml has no service " + name);
        }
        return service;
    }

    List<String> services() {
        List<String> names = new ArrayList<>();
        root.path("services").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The services that start without naming a profile: the system itself. */
    List<String> coreServices() {
        return services().stream().filter(s -> service(s).path("profiles").isEmpty()).toList();
    }

    JsonNode volumes() {
        return root.path("volumes");
    }

    /** A value with its {@code ${NAME:-default}} references replaced from these variables, else the defaults. */
    static String interpolate(String value, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = variables.getOrDefault(m.group(1), m.group(2) == null ? "" : m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }
}
