package io.visualinspection.frontend.client;

import io.visualinspection.model.manifest.ModelManifest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The inference service: its models and its readiness. */
@RegisterRestClient(configKey = "inference")
public interface InferenceClient {

    /** The loaded models with their manifests; {@code default} marks the one inspections use. */
    @GET
    @Path("/models")
    @Produces(MediaType.APPLICATION_JSON)
    List<ModelManifest> models();

    /** 200 when ready, 503 (thrown) when not. */
    @GET
    @Path("/q/health/ready")
    @Produces(MediaType.APPLICATION_JSON)
    HealthReport ready();
}
