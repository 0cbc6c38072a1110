package io.visualinspection.backend.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import io.visualinspection.backend.config.BackendConfig;
import io.visualinspection.model.InferenceResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** The inference service, SPEC "Inference", at {@code backend.inference.url}. */
@ApplicationScoped
@Startup // a wrong URL fails the start, not the first inspection
public class InferenceClient {

    private final HttpUpstream http;

    InferenceClient(BackendConfig config, ObjectMapper json) {
        BackendConfig.Inference inference = config.inference();
        this.http = new HttpUpstream("inference", inference.url(), inference.connectTimeoutMs(),
                inference.timeoutMs(), inference.token(), json);
    }

    /**
     * Detects with the named model, or the default one when {@code model} is null; the image as the body (no
     * multipart overhead), parameters in the query.
     */
    public InferenceResult detect(String model, Map<String, String> parameters, byte[] image) {
        String path = model == null ? "/inference" : "/models/" + HttpUpstream.encode(model) + "/detect";
        return http.json(http.post(path, parameters, "application/octet-stream", image), InferenceResult.class);
    }

    /** The HTTP status of the service's readiness check (200: ready). */
    public int readiness() {
        return http.get("/q/health/ready", Map.of()).status();
    }
}
