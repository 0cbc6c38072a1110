package io.visualinspection.camera.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.visualinspection.camera.service.CameraRegistry;
import io.visualinspection.camera.service.FaultSettings;
import io.visualinspection.camera.service.VirtualCamera;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * Fault injection at run time, per camera ({@code /admin/faults/{camera}}, by id or serial number) or for every
 * camera at once ({@code /admin/faults}): GET shows, PUT replaces (fields not given are off), POST changes only the
 * fields given, DELETE turns every fault off. Answers the faults in force afterwards, keyed by serial number.
 * Switched off with {@code camera.admin.enabled=false} ({@link AdminAccessFilter}).
 */
@Path("/admin/faults")
@Tag(name = "admin", description = "Fault injection; not for operators")
@Produces(MediaType.APPLICATION_JSON)
public class FaultsAdminResource {

    private static final Logger LOG = Logger.getLogger(FaultsAdminResource.class);

    private final CameraRegistry cameras;

    FaultsAdminResource(CameraRegistry cameras) {
        this.cameras = cameras;
    }

    @GET
    @Operation(summary = "The faults of every camera")
    public Map<String, FaultSettings> all() {
        return show(cameras.all());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the faults of every camera; fields not given are off")
    public Map<String, FaultSettings> replaceAll(
            @RequestBody(content = @Content(schema = @Schema(implementation = FaultSettings.class))) JsonNode body) {
        FaultsRequest request = FaultsRequest.parse(body);
        return change(cameras.all(), request, current -> request.over(FaultSettings.NONE));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the given faults of every camera, keep the others")
    public Map<String, FaultSettings> updateAll(
            @RequestBody(content = @Content(schema = @Schema(implementation = FaultSettings.class))) JsonNode body) {
        FaultsRequest request = FaultsRequest.parse(body);
        return change(cameras.all(), request, request::over);
    }

    @DELETE
    @Operation(summary = "Turn every fault of every camera off (releases hung requests)")
    public Map<String, FaultSettings> resetAll() {
        return change(cameras.all(), null, current -> FaultSettings.NONE);
    }

    @GET
    @Path("/{camera}")
    @Operation(summary = "The faults of one camera, by id or serial number")
    public Map<String, FaultSettings> one(@PathParam("camera") String camera) {
        return show(List.of(camera(camera)));
    }

    @PUT
    @Path("/{camera}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the faults of one camera; fields not given are off")
    public Map<String, FaultSettings> replaceOne(@PathParam("camera") String camera,
            @RequestBody(content = @Content(schema = @Schema(implementation = FaultSettings.class))) JsonNode body) {
        VirtualCamera target = camera(camera);
        FaultsRequest request = FaultsRequest.parse(body);
        return change(List.of(target), request, current -> request.over(FaultSettings.NONE));
    }

    @POST
    @Path("/{camera}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the given faults of one camera, keep the others")
    public Map<String, FaultSettings> updateOne(@PathParam("camera") String camera,
            @RequestBody(content = @Content(schema = @Schema(implementation = FaultSettings.class))) JsonNode body) {
        VirtualCamera target = camera(camera);
        FaultsRequest request = FaultsRequest.parse(body);
        return change(List.of(target), request, request::over);
    }

    @DELETE
    @Path("/{camera}")
    @Operation(summary = "Turn every fault of one camera off (releases its hung requests)")
    public Map<String, FaultSettings> resetOne(@PathParam("camera") String camera) {
        return change(List.of(camera(camera)), null, current -> FaultSettings.NONE);
    }

    private VirtualCamera camera(String idOrSerial) {
        return cameras.find(idOrSerial).orElseThrow(() -> new NotFoundException("no camera with id or serial number '"
                + idOrSerial + "'; known: " + cameras.known()));
    }

    /** Every settings object is computed (and so validated) before any camera changes. */
    private static Map<String, FaultSettings> change(List<VirtualCamera> targets, FaultsRequest request,
            UnaryOperator<FaultSettings> next) {
        Map<VirtualCamera, FaultSettings> planned = new LinkedHashMap<>();
        targets.forEach(c -> planned.put(c, next.apply(c.faults().settings())));
        planned.forEach((camera, settings) -> {
            if (request != null && request.seed() != null) {
                camera.faults().reseed(request.seed());
            }
            camera.faults().set(settings);
            LOG.infof("faults of camera %s: %s", camera.serialNumber(), settings.describe());
        });
        return show(targets);
    }

    private static Map<String, FaultSettings> show(List<VirtualCamera> targets) {
        Map<String, FaultSettings> shown = new LinkedHashMap<>();
        targets.forEach(c -> shown.put(c.serialNumber(), c.faults().settings()));
        return shown;
    }
}
