package io.visualinspection.frontend.service;

import io.visualinspection.frontend.client.BackendClient;
import io.visualinspection.frontend.client.InferenceClient;
import io.visualinspection.frontend.client.PatternList;
import io.visualinspection.model.manifest.ModelManifest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Patterns from the backend ({@code GET /patterns}), models from the inference service ({@code GET /models}). */
@ApplicationScoped
public class HttpLineSetupGateway implements LineSetupGateway {

    private final BackendClient backend;
    private final InferenceClient inference;

    HttpLineSetupGateway(@RestClient BackendClient backend, @RestClient InferenceClient inference) {
        this.backend = backend;
        this.inference = inference;
    }

    @Override
    public PatternList patterns() {
        PatternList list = Upstream.BACKEND.call("patterns", backend::patterns);
        return list == null ? new PatternList(null, List.of(), Map.of()) : list;
    }

    @Override
    public List<ModelManifest> models() {
        List<ModelManifest> models = Upstream.INFERENCE.call("models", inference::models);
        return models == null ? List.of() : models;
    }
}
