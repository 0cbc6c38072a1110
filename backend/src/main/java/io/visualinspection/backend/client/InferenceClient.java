package io.visualinspection.backend.client;

import io.visualinspection.model.InferenceResult;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/** The inference service, SPEC "Inference". */
@ClientHeaderParam(name = "Authorization", value = "{authorization}", required = false)
@RegisterRestClient(configKey = "inference")
public interface InferenceClient {

    /** The default model; the image as the body (no multipart overhead), parameters in the query. */
    @POST
    @Path("/inference")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Produces(MediaType.APPLICATION_JSON)
    InferenceResult infer(@RestQuery Map<String, String> parameters, byte[] image);

    /** A named model, likewise. */
    @POST
    @Path("/models/{name}/detect")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Produces(MediaType.APPLICATION_JSON)
    InferenceResult detect(@PathParam("name") String model, @RestQuery Map<String, String> parameters, byte[] image);

    @GET
    @Path("/q/health/ready")
    Response ready();

    /** The token for this upstream (backend.inference.token), when its authentication is on. */
    default String authorization() {
        return UpstreamToken.authorization("backend.inference.token");
    }
}
