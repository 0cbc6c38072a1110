package io.visualinspection.frontend.client;

import io.visualinspection.model.InspectionResult;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/** The inspection backend, SPEC "Backend". */
@RegisterRestClient(configKey = "backend")
public interface BackendClient {

    /** Triggers the camera and inspects; the query carries the request's parameters by SPEC name. */
    @GET
    @Path("/main/with-camera")
    @Produces(MediaType.APPLICATION_JSON)
    InspectionResult inspectWithCamera(@RestQuery Map<String, String> query);
}
