package io.visualinspection.inference.rest;

import io.visualinspection.inference.service.InferenceService;
import io.visualinspection.inference.service.ModelRegistry;
import io.visualinspection.inference.service.ReloadReport;
import io.visualinspection.model.InferenceResult;
import io.visualinspection.model.manifest.ModelManifest;
import io.visualinspection.service.ImageUpload;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The models this service serves, and detection with a named one. */
@Path("/models")
@Tag(name = "models")
public class ModelsResource {

    private final ModelRegistry models;
    private final InferenceService inference;

    ModelsResource(ModelRegistry models, InferenceService inference) {
        this.models = models;
        this.inference = inference;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The loaded models with their manifests; `default` marks the one /inference uses")
    public List<ModelManifest> list() {
        String defaultName = models.defaultName();
        return models.all().stream()
                .map(m -> m.manifest().withDefault(m.manifest().name().equals(defaultName)))
                .toList();
    }

    @POST
    @Path("/reload")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check the models folder now",
            description = "Loads added and changed model folders at once (without waiting for them to settle), "
                    + "drops removed ones, and says what changed and what was rejected with why.")
    public ReloadReport reload() {
        return models.reload(true);
    }

    @POST
    @Path("/{name}/detect")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Detect objects with the named model",
            description = "Multipart field `image`; optional text fields (or query parameters) for the model's "
                    + "parameters (see its manifest); a value out of range is refused with 400 naming the parameter and its range.")
    @APIResponse(responseCode = "200", description = "The detections, in pixels of the image as uploaded",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "two objects",
                    value = ApiExamples.DETECTION)))
    @APIResponse(responseCode = "404", description = "No model of that name (the message lists the loaded ones)",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "unknown model",
                    value = ApiExamples.UNKNOWN_MODEL)))
    public InferenceResult detect(@PathParam("name") String name, ImageUpload upload, @Context UriInfo uri) {
        return inference.detect(name, upload.image(), DetectionParameters.of(uri, upload.fields()));
    }

    @POST
    @Path("/{name}/detect")
    @Consumes({"image/jpeg", "image/png", "image/bmp", "image/webp", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Detect objects with the named model, the image as the request body",
            description = "The model's parameters as query parameters.")
    public InferenceResult detectBody(@PathParam("name") String name, byte[] image, @Context UriInfo uri) {
        return inference.detect(name, image, DetectionParameters.of(uri));
    }
}
