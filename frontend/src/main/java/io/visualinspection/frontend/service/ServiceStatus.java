package io.visualinspection.frontend.service;

import io.visualinspection.model.manifest.ModelManifest;
import java.util.List;
import java.util.Map;

/**
 * How one service is doing, as the Status view shows it.
 *
 * @param name      what operators call it
 * @param url       the base URL this UI uses for it
 * @param state     up, degraded (answers, but something behind it is not right) or down
 * @param summary   one line: why it is not up, or what is up
 * @param details   the readiness checks' data, by check and key
 * @param models    the inference service's models (empty for the others)
 */
public record ServiceStatus(Upstream service, String name, String url, State state, String summary,
        Map<String, Map<String, String>> details, List<ModelManifest> models) {

    public enum State {
        UP, DEGRADED, DOWN
    }
}
