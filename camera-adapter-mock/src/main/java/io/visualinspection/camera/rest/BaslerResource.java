package io.visualinspection.camera.rest;

import io.smallrye.common.annotation.Blocking;
import io.visualinspection.camera.service.PhotoService;
import io.visualinspection.model.camera.CameraParameters;
import io.visualinspection.model.camera.ImageParameters;
import io.visualinspection.model.camera.QueryParameters;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The Basler adapter's API (SPEC "Camera adapter"), served from the emulated camera. */
@Path("/basler")
@Tag(name = "camera")
@Blocking
public class BaslerResource {

    private final PhotoService photos;

    BaslerResource(PhotoService photos) {
        this.photos = photos;
    }

    @GET
    @Path("/take-photo")
    @Produces({"image/jpeg", "image/png", "image/bmp", MediaType.APPLICATION_JSON})
    @Operation(summary = "Take a photo", description = "Camera parameters (serial_number, ip_address, timeout_ms, "
            + "exposure_time_microseconds, convert_to_format, ...) and image parameters (format, quality, "
            + "rotation_angle, rotation_expand, roi_left/top/right/bottom) as query parameters, all optional.")
    public Response takePhoto(@Context UriInfo uri) {
        CameraParameters camera;
        ImageParameters image;
        try {
            var query = uri.getQueryParameters();
            camera = QueryParameters.camera(query::getFirst);
            image = QueryParameters.image(query::getFirst);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        PhotoService.Photo photo = photos.takePhoto(camera, image);
        return Response.ok(photo.bytes(), photo.mediaType()).build();
    }

    @GET
    @Path("/get-camera-info")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Name, IP and MAC of the camera")
    public Map<String, String> cameraInfo() {
        return photos.info();
    }

    @GET
    @Path("/close")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Release the camera (nothing to release in the emulator)")
    public boolean close() {
        return true;
    }
}
