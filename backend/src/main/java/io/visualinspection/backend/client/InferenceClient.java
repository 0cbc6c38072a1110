package io.visualinspection.backend.client;

import io.visualinspection.model.InferenceResult;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.PartFilename;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;

/** The inference service, SPEC "Inference". */
@ClientHeaderParam(name = "Authorization", value = "{authorization}", required = false)
@RegisterRestClient(configKey = "inference")
public interface InferenceClient {

    @POST
    @Path("/inference")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    InferenceResult infer(@RestForm("image") @PartType(MediaType.APPLICATION_OCTET_STREAM)
            @PartFilename("image") byte[] image);

    @GET
    @Path("/q/health/ready")
    Response ready();

    /** The token for this upstream (backend.inference.token), when its authentication is on. */
    default String authorization() {
        return UpstreamToken.authorization("backend.inference.token");
    }
}
