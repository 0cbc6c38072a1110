package io.visualinspection.frontend.client;

import io.visualinspection.model.InspectionRecord;
import io.visualinspection.model.InspectionResult;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The inspection backend, SPEC "Backend", its history and its readiness; with the UI's token if it has one. */
@RegisterRestClient(configKey = "backend")
@RegisterClientHeaders(BackendAuthHeaders.class)
public interface BackendClient {

    /** Triggers the camera and inspects; the query carries the request's parameters by SPEC name. */
    @GET
    @Path("/main/with-camera")
    @Produces(MediaType.APPLICATION_JSON)
    InspectionResult inspectWithCamera(@RestQuery Map<String, String> query);

    @GET
    @Path("/patterns")
    @Produces(MediaType.APPLICATION_JSON)
    PatternList patterns();

    /** Newest first; decision: all, ok, nok, none. */
    @GET
    @Path("/inspections")
    @Produces(MediaType.APPLICATION_JSON)
    InspectionPage inspections(@RestQuery int limit, @RestQuery int offset, @RestQuery String decision);

    /** One record as the backend sends it, for showing it verbatim. */
    @GET
    @Path("/inspections/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    String inspectionJson(@RestPath String id);

    @GET
    @Path("/inspections/{id}/image")
    @Produces(MediaType.WILDCARD)
    Response image(@RestPath String id);

    @GET
    @Path("/inspections/{id}/image-drawn")
    @Produces(MediaType.WILDCARD)
    Response imageDrawn(@RestPath String id);

    @POST
    @Path("/inspections/{id}/overrule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    InspectionRecord overrule(@RestPath String id, OverruleRequest request);

    /** 200 when ready, 503 (thrown) when not; the body names the checks either way. */
    @GET
    @Path("/q/health/ready")
    @Produces(MediaType.APPLICATION_JSON)
    HealthReport ready();
}
