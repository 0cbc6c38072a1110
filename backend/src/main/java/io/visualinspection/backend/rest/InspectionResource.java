package io.visualinspection.backend.rest;

import io.visualinspection.backend.config.BackendConfig;
import io.visualinspection.backend.mapping.InspectionResponseMapper;
import io.visualinspection.backend.service.Inspection;
import io.visualinspection.backend.service.InspectionOptions;
import io.visualinspection.backend.service.InspectionService;
import io.visualinspection.model.camera.CameraParameters;
import io.visualinspection.model.camera.ImageParameters;
import io.visualinspection.model.camera.ParameterSource;
import io.visualinspection.model.camera.QueryParameters;
import io.visualinspection.service.ImageUpload;
import io.visualinspection.service.RequestParameterValues;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The inspection endpoints line controllers call (SPEC "Backend"). */
@Path("/main")
@Tag(name = "inspection")
public class InspectionResource {

    private final InspectionService inspections;
    private final BackendConfig config;

    InspectionResource(InspectionService inspections, BackendConfig config) {
        this.inspections = inspections;
        this.config = config;
    }

    @GET
    @Path("/with-camera")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Trigger the camera and inspect the photo",
            description = "Query: camera parameters (serial_number, ip_address, timeout_ms, exposure_time_microseconds, "
                    + "convert_to_format, ...), image parameters (format, quality, rotation_angle, rotation_expand, "
                    + "roi_*), pattern_key, min_score (0..1, default 0.5), strict, return_options (bitmask, default "
                    + "127: 1 decision, 2 pattern, 4 image, 8 drawn image, 16 boxes, 32 class ids, 64 scores). A "
                    + "name it does not take is refused with 400 (backend.inspection.unknown-parameters).")
    @APIResponse(responseCode = "200", description = "The inspection, fields as selected by return_options",
            content = @Content(mediaType = "application/json", examples = {
                    @ExampleObject(name = "all (return_options=127)", value = ApiExamples.INSPECTION),
                    @ExampleObject(name = "decision only (return_options=1)", value = ApiExamples.DECISION_ONLY)}))
    @APIResponse(responseCode = "400", description = "A parameter is wrong; the message says which and how",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "bad parameter",
                    value = ApiExamples.BAD_REQUEST)))
    @APIResponse(responseCode = "404", description = "Unknown pattern_key (the message lists the known ones)",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "unknown pattern",
                    value = ApiExamples.UNKNOWN_PATTERN)))
    @APIResponse(responseCode = "502", description = "The camera or inference failed or cannot be reached",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "camera unreachable",
                    value = ApiExamples.CAMERA_UNREACHABLE)))
    @APIResponse(responseCode = "503", description = "An upstream is overloaded; retry after Retry-After seconds",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "inference busy",
                    value = ApiExamples.INFERENCE_BUSY)))
    @APIResponse(responseCode = "504", description = "An upstream did not answer within its timeout",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "camera timeout",
                    value = ApiExamples.CAMERA_TIMEOUT)))
    public Map<String, Object> withCamera(@Context UriInfo uri) {
        ParameterSource params = ParameterSource.of(RequestParameterValues.of(uri.getQueryParameters()));
        InspectionOptions options = RequestParameters.options(params, config);
        CameraParameters camera;
        ImageParameters image;
        try {
            camera = QueryParameters.camera(params);
            image = QueryParameters.image(params);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        RequestParameters.refuseUnread(params, "GET /main/with-camera", config);
        Inspection inspection = inspections.inspectWithCamera(camera, image, options);
        return InspectionResponseMapper.toResponse(inspection, options);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Inspect an uploaded image",
            description = "Multipart field `image`; pattern_key, min_score, strict and return_options as form "
                    + "fields or query parameters; other names are refused with 400.")
    @APIResponse(responseCode = "200", description = "The inspection, fields as selected by return_options",
            content = @Content(mediaType = "application/json", examples = {
                    @ExampleObject(name = "all (return_options=127)", value = ApiExamples.INSPECTION),
                    @ExampleObject(name = "decision only (return_options=1)", value = ApiExamples.DECISION_ONLY)}))
    @APIResponse(responseCode = "400", description = "A parameter is wrong; the message says which and how",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "bad parameter",
                    value = ApiExamples.BAD_REQUEST)))
    @APIResponse(responseCode = "404", description = "Unknown pattern_key (the message lists the known ones)",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "unknown pattern",
                    value = ApiExamples.UNKNOWN_PATTERN)))
    @APIResponse(responseCode = "502", description = "The camera or inference failed or cannot be reached",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "camera unreachable",
                    value = ApiExamples.CAMERA_UNREACHABLE)))
    @APIResponse(responseCode = "503", description = "An upstream is overloaded; retry after Retry-After seconds",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "inference busy",
                    value = ApiExamples.INFERENCE_BUSY)))
    @APIResponse(responseCode = "504", description = "An upstream did not answer within its timeout",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "camera timeout",
                    value = ApiExamples.CAMERA_TIMEOUT)))
    public Map<String, Object> upload(ImageUpload upload, @Context UriInfo uri) {
        return inspectUpload(upload, uri, "POST /main");
    }

    /** The ancestor took the upload as a GET with a multipart body; line controllers written for it still do. */
    @GET
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Inspect an uploaded image (ancestor-compatible GET with a multipart body)")
    public Map<String, Object> uploadWithGet(ImageUpload upload, @Context UriInfo uri) {
        return inspectUpload(upload, uri, "GET /main");
    }

    /**
     * HEAD would run the GET, which takes a photo and records an inspection: an uptime monitor or link checker
     * would fill the line's statistics and archive. The ancestor (FastAPI) did not take HEAD either.
     */
    @HEAD
    @Path("/with-camera")
    @Operation(hidden = true)
    public void headWithCamera() {
        throw new NotAllowedException("HEAD /main/with-camera would take a photo and record an inspection; use GET "
                + "to inspect, GET /q/health/ready to see whether the backend is up", HttpMethod.GET, new String[0]);
    }

    /** As {@link #headWithCamera}: a HEAD with a form would inspect the uploaded image. */
    @HEAD
    @Operation(hidden = true)
    public void headUpload() {
        throw new NotAllowedException("HEAD /main would inspect an uploaded image; use POST (or GET) with the "
                + "image, GET /q/health/ready to see whether the backend is up", HttpMethod.POST,
                new String[] {HttpMethod.GET});
    }

    private Map<String, Object> inspectUpload(ImageUpload upload, UriInfo uri, String endpoint) {
        ParameterSource params = ParameterSource.of(
                RequestParameterValues.of(uri.getQueryParameters(), upload.fields()));
        InspectionOptions options = RequestParameters.options(params, config);
        RequestParameters.refuseUnread(params, endpoint, config);
        Inspection inspection = inspections.inspectImage(upload.image(), options);
        return InspectionResponseMapper.toResponse(inspection, options);
    }
}
