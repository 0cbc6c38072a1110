package io.visualinspection.backend.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import io.visualinspection.backend.config.BackendConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** The Basler camera adapter (or its emulator), SPEC "Camera adapter", at {@code backend.camera.url}. */
@ApplicationScoped
@Startup // a wrong URL fails the start, not the first inspection
public class CameraClient {

    /** A photo as the adapter encoded it. */
    public record Photo(byte[] bytes, String mediaType) {
    }

    private final HttpUpstream http;

    CameraClient(BackendConfig config, ObjectMapper json) {
        BackendConfig.Camera camera = config.camera();
        this.http = new HttpUpstream("camera", camera.url(), camera.connectTimeoutMs(), camera.timeoutMs(),
                camera.token(), json);
    }

    /** Takes a photo; the query carries camera and image parameters by name. */
    public Photo takePhoto(Map<String, String> query) {
        HttpUpstream.Answer answer = http.requireSuccess(http.get("/basler/take-photo", query));
        if (answer.body().length == 0) {
            throw new UpstreamException("camera", 502, "failed", "camera returned an empty image", null);
        }
        return new Photo(answer.body(), answer.contentType());
    }

    /** Throws unless the adapter answers {@code get-camera-info}: for readiness. */
    public void requireAnswering() {
        http.requireSuccess(http.get("/basler/get-camera-info", Map.of()));
    }
}
