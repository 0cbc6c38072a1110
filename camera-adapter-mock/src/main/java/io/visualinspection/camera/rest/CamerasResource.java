package io.visualinspection.camera.rest;

import io.visualinspection.camera.service.CameraRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /cameras}: every emulated camera, for people setting up a line; not part of the adapter's API. */
@Path("/cameras")
@Tag(name = "emulator")
public class CamerasResource {

    private final CameraRegistry cameras;

    CamerasResource(CameraRegistry cameras) {
        this.cameras = cameras;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The emulated cameras: identity, frame source, frame count, faults")
    public List<CameraView> list() {
        return cameras.all().stream()
                .map(c -> CameraView.of(c, c == cameras.defaultCamera()))
                .toList();
    }
}
