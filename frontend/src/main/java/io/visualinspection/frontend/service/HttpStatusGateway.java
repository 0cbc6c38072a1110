package io.visualinspection.frontend.service;

import io.visualinspection.frontend.client.BackendClient;
import io.visualinspection.frontend.client.CameraClient;
import io.visualinspection.frontend.client.HealthReport;
import io.visualinspection.frontend.client.InferenceClient;
import io.visualinspection.frontend.service.ServiceStatus.State;
import io.visualinspection.model.manifest.ModelManifest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Asks each service's {@code /q/health/ready} (and the inference service's {@code GET /models}) and reads the
 * answers as an operator would want them: up, degraded (answers, but a camera is disconnected or an upstream of
 * the backend is down) or down (cannot be reached), with the reason.
 */
@ApplicationScoped
public class HttpStatusGateway implements StatusGateway {

    private static final Pattern REST_CLIENT_NOISE = Pattern.compile("Received: '([^']*), status code (\\d+)'.*");

    private final BackendClient backend;
    private final InferenceClient inference;
    private final CameraClient camera;
    private final String backendUrl;
    private final String inferenceUrl;
    private final String cameraUrl;
    private final Clock clock;

    HttpStatusGateway(@RestClient BackendClient backend, @RestClient InferenceClient inference,
            @RestClient CameraClient camera,
            @ConfigProperty(name = "quarkus.rest-client.backend.url") String backendUrl,
            @ConfigProperty(name = "quarkus.rest-client.inference.url") String inferenceUrl,
            @ConfigProperty(name = "quarkus.rest-client.camera.url") String cameraUrl) {
        this.backend = backend;
        this.inference = inference;
        this.camera = camera;
        this.backendUrl = backendUrl;
        this.inferenceUrl = inferenceUrl;
        this.cameraUrl = cameraUrl;
        this.clock = Clock.systemUTC();
    }

    @Override
    public SystemStatus status() {
        return new SystemStatus(List.of(backendStatus(), cameraStatus(), inferenceStatus()), clock.instant());
    }

    ServiceStatus backendStatus() {
        Readiness r = readiness(Upstream.BACKEND, backend::ready);
        if (r.report == null) {
            return new ServiceStatus(Upstream.BACKEND, "Backend", backendUrl, State.DOWN, r.failure, Map.of(),
                    List.of());
        }
        Map<String, Map<String, String>> details = details(r.report);
        if (r.report.up()) {
            return new ServiceStatus(Upstream.BACKEND, "Backend", backendUrl, State.UP,
                    "ready" + upstreamsSaying(details, "up"), details, List.of());
        }
        return new ServiceStatus(Upstream.BACKEND, "Backend", backendUrl, State.DEGRADED,
                "not ready" + notUp(details), details, List.of());
    }

    ServiceStatus cameraStatus() {
        Readiness r = readiness(Upstream.CAMERA, camera::ready);
        if (r.notFound) {
            // A Basler adapter: no health endpoint, but the camera info says whether the camera is there.
            try {
                Map<String, Object> info = Upstream.CAMERA.call("camera info", () -> camera.cameraInfo(null, null));
                Map<String, String> data = new LinkedHashMap<>();
                info.forEach((k, v) -> data.put(k, String.valueOf(v)));
                return new ServiceStatus(Upstream.CAMERA, "Camera adapter", cameraUrl, State.UP,
                        "camera " + data.getOrDefault("Name", "?") + " at " + data.getOrDefault("IP", "?"),
                        Map.of("camera", data), List.of());
            } catch (GatewayException e) {
                return new ServiceStatus(Upstream.CAMERA, "Camera adapter", cameraUrl, State.DOWN, e.getMessage(),
                        Map.of(), List.of());
            }
        }
        if (r.report == null) {
            return new ServiceStatus(Upstream.CAMERA, "Camera adapter", cameraUrl, State.DOWN, r.failure, Map.of(),
                    List.of());
        }
        Map<String, Map<String, String>> details = details(r.report);
        List<String> connected = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (HealthReport.Check check : r.report.checksOrEmpty()) {
            Map<String, String> data = details.getOrDefault(check.name(), Map.of());
            String state = data.get("state");
            if (!check.up()) {
                problems.add(check.name() + " " + (state != null ? state : "down"));
            } else if (state != null && !state.equals("connected")) {
                problems.add(check.name() + " " + state);
            } else {
                connected.add(check.name());
            }
        }
        State state = !r.report.up() ? State.DOWN : problems.isEmpty() ? State.UP : State.DEGRADED;
        String summary = !problems.isEmpty() ? String.join(", ", problems)
                : connected.isEmpty() ? "ready" : String.join(", ", connected) + " connected";
        return new ServiceStatus(Upstream.CAMERA, "Camera adapter", cameraUrl, state, summary, details, List.of());
    }

    ServiceStatus inferenceStatus() {
        Readiness r = readiness(Upstream.INFERENCE, inference::ready);
        if (r.report == null) {
            return new ServiceStatus(Upstream.INFERENCE, "Inference", inferenceUrl, State.DOWN, r.failure, Map.of(),
                    List.of());
        }
        Map<String, Map<String, String>> details = details(r.report);
        List<ModelManifest> models;
        try {
            models = Upstream.INFERENCE.call("models", inference::models);
        } catch (GatewayException e) {
            models = List.of();
        }
        Map<String, String> data = details.getOrDefault("models", Map.of());
        String defaultModel = data.get("default");
        if (r.report.up()) {
            String summary = defaultModel == null ? "ready"
                    : "default model " + defaultModel + (data.containsKey(defaultModel) ? " " + data.get(defaultModel)
                            : "");
            return new ServiceStatus(Upstream.INFERENCE, "Inference", inferenceUrl, State.UP, summary, details,
                    models == null ? List.of() : models);
        }
        return new ServiceStatus(Upstream.INFERENCE, "Inference", inferenceUrl, State.DOWN,
                "not ready" + notUp(details) + (defaultModel == null || "null".equals(defaultModel)
                        ? ": no default model loaded" : ""), details, models == null ? List.of() : models);
    }

    /** A readiness answer, or why there is none. */
    private record Readiness(HealthReport report, String failure, boolean notFound) {
    }

    private static Readiness readiness(Upstream service, Supplier<HealthReport> call) {
        try {
            return new Readiness(call.get(), null, false);
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status == 404) {
                return new Readiness(null, null, true);
            }
            try {
                HealthReport report = e.getResponse().readEntity(HealthReport.class);
                if (report != null && report.status() != null) {
                    return new Readiness(report, null, false);
                }
            } catch (RuntimeException notHealth) {
                // not a health answer: fall through to the status
            }
            return new Readiness(null, service.message(e), false);
        } catch (ProcessingException e) {
            return new Readiness(null, service.message(e), false);
        }
    }

    private static Map<String, Map<String, String>> details(HealthReport report) {
        Map<String, Map<String, String>> details = new LinkedHashMap<>();
        for (HealthReport.Check check : report.checksOrEmpty()) {
            Map<String, String> data = new LinkedHashMap<>();
            if (check.data() != null) {
                check.data().forEach((k, v) -> data.put(k, tidy(String.valueOf(v))));
            }
            details.put(check.name(), data);
        }
        return details;
    }

    /** "camera: up, inference: up" from the backend's upstreams check. */
    private static String upstreamsSaying(Map<String, Map<String, String>> details, String prefix) {
        List<String> parts = new ArrayList<>();
        details.values().forEach(data -> data.forEach((k, v) -> {
            if (v.startsWith(prefix)) {
                parts.add(k + " " + prefix);
            }
        }));
        return parts.isEmpty() ? "" : "; " + String.join(", ", parts);
    }

    /** ": camera down (HTTP 503 Service Unavailable)" from data values that are not "up". */
    private static String notUp(Map<String, Map<String, String>> details) {
        List<String> parts = new ArrayList<>();
        details.values().forEach(data -> data.forEach((k, v) -> {
            if (v.startsWith("down") || v.startsWith("not ready")) {
                parts.add(k + " " + v.replaceFirst("^down: ", "down (") + (v.startsWith("down: ") ? ")" : ""));
            }
        }));
        return parts.isEmpty() ? "" : ": " + String.join(", ", parts);
    }

    /** Readiness texts without the REST client's method names: "HTTP 503 Service Unavailable". */
    static String tidy(String text) {
        Matcher m = REST_CLIENT_NOISE.matcher(text);
        if (m.find()) {
            return text.substring(0, m.start()) + "HTTP " + m.group(2) + " " + m.group(1);
        }
        return text;
    }
}
