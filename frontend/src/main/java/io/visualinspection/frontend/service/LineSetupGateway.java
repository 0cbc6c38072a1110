package io.visualinspection.frontend.service;

import io.visualinspection.frontend.client.PatternList;
import io.visualinspection.model.manifest.ModelManifest;
import java.util.List;

/** What an engineer chooses from in the settings: the backend's patterns and the inference service's models. */
public interface LineSetupGateway {

    /** @throws GatewayException with a message for the operator */
    PatternList patterns();

    /** @throws GatewayException with a message for the operator */
    List<ModelManifest> models();

    /**
     * Whether an inspection can be told which model (and model parameters) to use. The backend's
     * {@code GET /main/with-camera} has no such parameter: it always uses the inference service's default model.
     */
}
