package io.visualinspection.camera.rest;

import io.smallrye.common.annotation.Blocking;
import io.visualinspection.camera.service.PhotoRequest;
import io.visualinspection.camera.service.PhotoService;
import io.visualinspection.model.camera.CameraParameters;
import io.visualinspection.model.camera.ImageParameters;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /test/image}: a frame as the default camera would deliver it by default, to check the wiring. */
@Path("/test/image")
@Tag(name = "camera")
@Blocking
public class TestImageResource {

    private final PhotoService photos;

    TestImageResource(PhotoService photos) {
        this.photos = photos;
    }

    @GET
    @Produces({"image/jpeg", "image/png", "image/bmp", "image/webp"})
    @Operation(summary = "A test image")
    public Response testImage() {
        PhotoService.Photo photo = photos.takePhoto(new PhotoRequest(CameraParameters.NONE, ImageParameters.NONE));
        return Response.ok(photo.bytes(), photo.mediaType()).build();
    }
}
