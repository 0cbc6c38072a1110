package io.visualinspection.backend.rest;

import io.visualinspection.backend.service.Inspection;
import io.visualinspection.backend.service.InspectionService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The images of the most recent inspection, as JPEG. */
@Path("/")
@Tag(name = "inspection")
public class LatestImageResource {

    private final InspectionService inspections;

    LatestImageResource(InspectionService inspections) {
        this.inspections = inspections;
    }

    @GET
    @Path("/image-raw")
    @Produces({"image/jpeg", "application/json"})
    @Operation(summary = "The latest inspected image as taken (404 before the first inspection)")
    public Response raw() {
        return jpeg(inspections.rawJpeg(latestOr404()));
    }

    @GET
    @Path("/image-draw")
    @Produces({"image/jpeg", "application/json"})
    @Operation(summary = "The latest inspected image with the result drawn (404 before the first inspection)")
    public Response drawn() {
        return jpeg(inspections.drawn(latestOr404()));
    }

    private Inspection latestOr404() {
        Inspection latest = inspections.latest();
        if (latest == null) {
            throw new NotFoundException("no inspection has run yet; trigger one with GET /main/with-camera or POST /main");
        }
        return latest;
    }

    private static Response jpeg(byte[] bytes) {
        return Response.ok(bytes, "image/jpeg").header("Cache-Control", "no-store").build();
    }
}
