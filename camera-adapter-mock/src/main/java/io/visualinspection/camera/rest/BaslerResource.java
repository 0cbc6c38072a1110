package io.visualinspection.camera.rest;

import io.smallrye.common.annotation.Blocking;
import io.visualinspection.camera.service.PhotoRequest;
import io.visualinspection.camera.service.PhotoService;
import io.visualinspection.model.camera.QueryParameters;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** The Basler adapter's API (SPEC "Camera adapter"), served from the emulated cameras. */
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
    @Produces({"image/jpeg", "image/png", "image/bmp", "image/webp", MediaType.APPLICATION_JSON})
    @Operation(summary = "Take a photo", description = "Camera parameters (serial_number, ip_address, timeout_ms, "
            + "exposure_time_microseconds, convert_to_format, pixel_format, ...) and image parameters (format, "
            + "quality, rotation_angle, rotation_expand, roi_left/top/right/bottom) as query parameters, all "
            + "optional. Without serial_number and ip_address, the default camera answers.")
    @APIResponse(responseCode = "200", description = "The photo, in the format asked for (JPEG by default)")
    @APIResponse(responseCode = "400", description = "A parameter is wrong; the message says which and how",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "bad parameter",
                    value = ApiExamples.BAD_PARAMETER)))
    @APIResponse(responseCode = "404", description = "No camera with that serial number or address (the message "
            + "lists the known ones)", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(name = "unknown camera", value = ApiExamples.UNKNOWN_CAMERA)))
    public Response takePhoto(@Context UriInfo uri) {
        PhotoRequest request;
        try {
            var query = uri.getQueryParameters();
            request = new PhotoRequest(QueryParameters.camera(query::getFirst), QueryParameters.image(query::getFirst));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        PhotoService.Photo photo = photos.takePhoto(request);
        return Response.ok(photo.bytes(), photo.mediaType()).build();
    }

    @GET
    @Path("/get-camera-info")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Name, IP, MAC and serial number of a camera (the default one unless named)")
    @APIResponse(responseCode = "200", description = "The camera", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "the default camera", value = ApiExamples.CAMERA_INFO)))
    @APIResponse(responseCode = "404", description = "No camera with that serial number or address",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "unknown camera",
                    value = ApiExamples.UNKNOWN_CAMERA)))
    public Map<String, String> cameraInfo(@RestQuery("serial_number") String serialNumber,
            @RestQuery("ip_address") String ipAddress) {
        return photos.info(blankToNull(serialNumber), address(ipAddress));
    }

    @GET
    @Path("/close")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Release a camera (nothing to release in the emulator)")
    public boolean close(@RestQuery("serial_number") String serialNumber, @RestQuery("ip_address") String ipAddress) {
        return photos.close(blankToNull(serialNumber), address(ipAddress));
    }

    /**
     * HEAD would run the GET, and take a photo (or release the camera): an uptime monitor would trigger the
     * camera. The adapter's FastAPI does not take HEAD either.
     */
    @HEAD
    @Path("/take-photo")
    @Operation(hidden = true)
    public void headTakePhoto() {
        throw new NotAllowedException("HEAD /basler/take-photo would take a photo; use GET to take one, "
                + "GET /q/health/ready to see whether the adapter is up", HttpMethod.GET, new String[0]);
    }

    @HEAD
    @Path("/close")
    @Operation(hidden = true)
    public void headClose() {
        throw new NotAllowedException("HEAD /basler/close would release the camera; use GET to release it",
                HttpMethod.GET, new String[0]);
    }

    private static String address(String ipAddress) {
        String ip = blankToNull(ipAddress);
        if (ip != null && !PhotoRequest.isIpv4(ip)) {
            throw new BadRequestException("ip_address must be an IPv4 address like 192.168.0.10, got '" + ip + "'");
        }
        return ip;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
