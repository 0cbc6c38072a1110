package io.visualinspection.backend.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/** The Basler camera adapter (or its emulator), SPEC "Camera adapter". */
@ClientHeaderParam(name = "Authorization", value = "{authorization}", required = false)
@RegisterRestClient(configKey = "camera")
@Path("/basler")
public interface CameraClient {

    /** The photo as the adapter encoded it; the query carries camera and image parameters by name. */
    @GET
    @Path("/take-photo")
    Response takePhoto(@RestQuery Map<String, String> query);

    @GET
    @Path("/get-camera-info")
    Map<String, String> cameraInfo();

    /** The token for this upstream (backend.camera.token), when its authentication is on. */
    default String authorization() {
        return UpstreamToken.authorization("backend.camera.token");
    }
}
