package io.visualinspection.inference.rest;

import io.visualinspection.inference.service.InferenceService;
import io.visualinspection.model.InferenceResult;
import io.visualinspection.service.ImageUpload;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /inference} as the ancestor had it, on the default model (SPEC "Inference"). */
@Path("/inference")
@Tag(name = "inference")
@APIResponse(responseCode = "200", description = "The detections, in pixels of the image as uploaded",
        content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "two objects",
                value = ApiExamples.DETECTION)))
@APIResponse(responseCode = "400", description = "Not an image, or a parameter out of its range; the message says "
        + "which", content = @Content(mediaType = "application/json", examples = {
                @ExampleObject(name = "not an image", value = ApiExamples.NOT_AN_IMAGE),
                @ExampleObject(name = "bad parameter", value = ApiExamples.BAD_PARAMETER)}))
@APIResponse(responseCode = "413", description = "The image (or the request body) is over the size limit",
        content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "too many pixels",
                value = ApiExamples.TOO_LARGE)))
@APIResponse(responseCode = "503", description = "The queue in front of the model is full, or no model is loaded; "
        + "retry after Retry-After seconds", content = @Content(mediaType = "application/json",
                examples = @ExampleObject(name = "queue full", value = ApiExamples.BUSY)))
public class InferenceResource {

    private final InferenceService inference;

    InferenceResource(InferenceService inference) {
        this.inference = inference;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Detect objects with the default model",
            description = "Multipart field `image` (JPEG, PNG, BMP, WebP). Answers boxes [x0, y0, x1, y1] in "
                    + "pixels of the uploaded image as shown upright (a JPEG's EXIF orientation applied), class ids, "
                    + "scores, class names, the model and per-stage timings. Text fields (or query parameters) "
                    + "score_threshold, iou_threshold, max_detections override the model defaults.")
    public InferenceResult infer(ImageUpload upload, @Context UriInfo uri) {
        return inference.detect(null, upload.image(), DetectionParameters.of(uri, upload.fields()));
    }

    @POST
    @Consumes({"image/jpeg", "image/png", "image/bmp", "image/webp", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Detect objects with the default model, the image as the request body",
            description = "The same as the multipart form, without its overhead: the body is the image, "
                    + "score_threshold, iou_threshold and max_detections are query parameters.")
    public InferenceResult inferBody(byte[] image, @Context UriInfo uri) {
        return inference.detect(null, image, DetectionParameters.of(uri));
    }
}
