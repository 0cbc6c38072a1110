package io.visualinspection.frontend.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.visualinspection.frontend.client.BackendClient;
import io.visualinspection.frontend.client.CameraClient;
import io.visualinspection.frontend.client.HealthReport;
import io.visualinspection.frontend.client.InferenceClient;
import io.visualinspection.frontend.service.ServiceStatus.State;
import io.visualinspection.model.manifest.ModelManifest;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The readiness answers of the three services, read as up, degraded or down with the reason. */
class HttpStatusGatewayTest {

    final Map<String, Supplier<Object>> answers = new HashMap<>();

    /** A REST client whose methods answer from {@link #answers}, by method name. */
    @SuppressWarnings("unchecked")
    <T> T client(Class<T> type, String prefix) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Supplier<Object> answer = answers.get(prefix + "." + method.getName());
            if (answer == null) {
                throw new ProcessingException(new ConnectException("Connection refused"));
            }
            return answer.get();
        });
    }

    HttpStatusGateway gateway() {
        return new HttpStatusGateway(client(BackendClient.class, "backend"), client(InferenceClient.class, "inference"),
                client(CameraClient.class, "camera"), "http://127.0.0.1:5051", "http://127.0.0.1:5052",
                "http://127.0.0.1:5050");
    }

    static HealthReport report(String status, String check, Map<String, Object> data) {
        return new HealthReport(status, List.of(new HealthReport.Check(check, status, data)));
    }

    static WebApplicationException notReady(HealthReport report) {
        return new WebApplicationException(Response.status(503).entity(report).build());
    }

    @Test
    void everythingUp() {
        Map<String, Object> upstreams = new LinkedHashMap<>(); // as the JSON sends them, in order
        upstreams.put("camera", "up");
        upstreams.put("inference", "up");
        answers.put("backend.ready", () -> report("UP", "upstreams", upstreams));
        answers.put("camera.ready", () -> report("UP", "camera EMU-0001", Map.of("state", "connected", "frames", 3)));
        answers.put("inference.ready", () -> report("UP", "models",
                Map.of("default", "yolov5s-coco", "yolov5s-coco", "1.0.11 on cpu")));
        answers.put("inference.models", () -> List.of(new ModelManifest("yolov5s-coco", "1.0.11", null, null, null,
                null, null, null, null, null, true, "cpu", null)));
        SystemStatus s = gateway().status();
        assertThat(s.overall()).isEqualTo(State.UP);
        assertThat(s.summary()).isEqualTo("All services up");
        assertThat(s.services()).extracting(ServiceStatus::summary).containsExactly(
                "ready; camera up, inference up", "camera EMU-0001 connected",
                "default model yolov5s-coco 1.0.11 on cpu");
        assertThat(s.services().get(1).details()).containsEntry("camera EMU-0001",
                Map.of("state", "connected", "frames", "3"));
        assertThat(s.services().get(2).models()).hasSize(1);
    }

    @Test
    void aDisconnectedCameraDegradesCameraAndBackend() {
        answers.put("backend.ready", () -> {
            throw notReady(report("DOWN", "upstreams", Map.of("camera", "down: Received: 'Service Unavailable, "
                    + "status code 503' when invoking REST Client method: 'x.CameraClient#cameraInfo'",
                    "inference", "up")));
        });
        answers.put("camera.ready", () -> report("UP", "camera EMU-0001", Map.of("state", "disconnected")));
        answers.put("inference.ready", () -> report("UP", "models", Map.of("default", "yolov5s-coco")));
        answers.put("inference.models", List::of);
        SystemStatus s = gateway().status();
        assertThat(s.overall()).isEqualTo(State.DEGRADED);
        assertThat(s.services().get(0).state()).isEqualTo(State.DEGRADED);
        assertThat(s.services().get(0).summary())
                .isEqualTo("not ready: camera down (HTTP 503 Service Unavailable)");
        assertThat(s.services().get(1).state()).isEqualTo(State.DEGRADED);
        assertThat(s.services().get(1).summary()).isEqualTo("camera EMU-0001 disconnected");
    }

    @Test
    void aServiceThatCannotBeReachedIsDown() {
        answers.put("backend.ready", () -> report("UP", "upstreams", Map.of()));
        answers.put("camera.ready", () -> report("UP", "camera EMU-0001", Map.of("state", "connected")));
        SystemStatus s = gateway().status();
        assertThat(s.overall()).isEqualTo(State.DOWN);
        assertThat(s.services().get(2).state()).isEqualTo(State.DOWN);
        assertThat(s.summary()).isEqualTo("Inference: The inference service cannot be reached. Check that it is "
                + "running.");
    }

    @Test
    void aBaslerAdapterWithoutHealthIsAskedForItsCamera() {
        answers.put("camera.ready", () -> {
            throw new WebApplicationException(404);
        });
        answers.put("camera.cameraInfo", () -> Map.of("Name", "acA2440", "IP", "192.168.10.21", "MAC", "00:30:53"));
        ServiceStatus camera = gateway().cameraStatus();
        assertThat(camera.state()).isEqualTo(State.UP);
        assertThat(camera.summary()).isEqualTo("camera acA2440 at 192.168.10.21");
    }
}
