package io.visualinspection.frontend.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/** The camera adapter (the emulator or a Basler adapter), only to show whether it is there. */
@RegisterRestClient(configKey = "camera")
public interface CameraClient {

    /** The emulator's readiness, one check per camera; a Basler adapter may not have it (404). */
    @GET
    @Path("/q/health/ready")
    @Produces(MediaType.APPLICATION_JSON)
    HealthReport ready();

    /** {@code {Name, IP, MAC}} of a camera (the adapter's default one when both are null). */
    @GET
    @Path("/basler/get-camera-info")
    @Produces(MediaType.APPLICATION_JSON)
    Map<String, Object> cameraInfo(@RestQuery("serial_number") String serialNumber,
            @RestQuery("ip_address") String ipAddress);
}
