package io.visualinspection.backend.rest;

import io.micrometer.core.instrument.MeterRegistry;
import io.visualinspection.backend.config.BackendConfig;
import io.visualinspection.backend.service.InspectionArchive;
import io.visualinspection.backend.service.InspectionHistory;
import io.visualinspection.backend.service.InspectionIds;
import io.visualinspection.model.InspectionRecord;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The history of inspections: recent results, one with its images, and operators' overrules. */
@Path("/inspections")
@Tag(name = "history")
public class InspectionsResource {

    static final int MAX_LIMIT = 500;
    static final int MAX_OPERATOR = 100;
    static final int MAX_COMMENT = 1000;

    private final InspectionHistory history;
    private final InspectionArchive archive;
    private final MeterRegistry meters;
    private final BackendConfig config;

    InspectionsResource(InspectionHistory history, InspectionArchive archive, MeterRegistry meters,
            BackendConfig config) {
        this.config = config;
        this.history = history;
        this.archive = archive;
        this.meters = meters;
        meters.counter("inspection_overrules", "verdict", "ok");
        meters.counter("inspection_overrules", "verdict", "nok");
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recent inspections, newest first",
            description = "decision: ok, nok, none (no pattern) or all; an overruled inspection counts by the "
                    + "operator's verdict. limit 1..500 (default 50), offset >= 0.")
    public InspectionHistory.Page list(@QueryParam("limit") @DefaultValue("50") String limit,
            @QueryParam("offset") @DefaultValue("0") String offset,
            @QueryParam("decision") @DefaultValue("all") String decision, @Context UriInfo uri) {
        RequestParameters.refuseOthers(uri.getQueryParameters().keySet(), List.of("limit", "offset", "decision"),
                "GET /inspections", config);
        int l = intParam("limit", limit, 1, MAX_LIMIT);
        int o = intParam("offset", offset, 0, Integer.MAX_VALUE);
        return history.page(filter(decision), o, l);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One inspection's record: result, parameters, image file names, overrule")
    public InspectionRecord get(@PathParam("id") String id) {
        return find(id);
    }

    @GET
    @Path("/{id}/image")
    @Produces({"image/jpeg", "image/png", "image/bmp", MediaType.APPLICATION_JSON})
    @Operation(summary = "The image of an inspection as taken")
    public Response image(@PathParam("id") String id) {
        InspectionRecord record = find(id);
        Optional<InspectionHistory.Images> inMemory = history.images(id);
        if (inMemory.isPresent()) {
            return Response.ok(inMemory.get().image(), inMemory.get().mediaType()).build();
        }
        byte[] bytes = archive.readFile(id, record.imageFile()).orElseThrow(() -> imageGone(id));
        return Response.ok(bytes, mediaTypeOf(record.imageFile())).build();
    }

    @GET
    @Path("/{id}/image-drawn")
    @Produces({"image/jpeg", MediaType.APPLICATION_JSON})
    @Operation(summary = "The image of an inspection with its result drawn")
    public Response drawn(@PathParam("id") String id) {
        InspectionRecord record = find(id);
        Optional<InspectionHistory.Images> inMemory = history.images(id);
        if (inMemory.isPresent()) {
            return Response.ok(inMemory.get().drawnJpeg().get(), "image/jpeg").build();
        }
        byte[] bytes = archive.readFile(id, record.drawnFile()).orElseThrow(() -> imageGone(id));
        return Response.ok(bytes, "image/jpeg").build();
    }

    @POST
    @Path("/{id}/overrule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record an operator's verdict with the inspection",
            description = "Body: {\"verdict\": true|false, \"operator\": \"...\", \"comment\": \"...\"}. The system's "
                    + "decision stays in the record beside it.")
    public InspectionRecord overrule(@PathParam("id") String id, OverruleRequest request) {
        if (request != null) {
            // First, so that a misspelt "verdict" is named as such.
            RequestParameters.refuseOthers(request.others().keySet(), OverruleRequest.FIELDS,
                    "the body of POST /inspections/{id}/overrule", config);
        }
        if (request == null || request.verdict() == null || request.verdict().isNull()) {
            throw new BadRequestException("send {\"verdict\": true|false} (operator and comment optional)");
        }
        if (!request.verdict().isBoolean()) {
            throw new BadRequestException("verdict must be true (the part is OK) or false (NOK), got "
                    + request.verdict());
        }
        boolean verdict = request.verdict().booleanValue();
        requireId(id);
        String operator = text("operator", request.operator(), MAX_OPERATOR, false);
        String comment = text("comment", request.comment(), MAX_COMMENT, true);
        InspectionRecord updated = history.overrule(id,
                        new InspectionRecord.Overrule(verdict, operator, comment, Instant.now()))
                .orElseThrow(() -> notFound(id));
        meters.counter("inspection_overrules", "verdict", verdict ? "ok" : "nok").increment();
        return updated;
    }

    private InspectionRecord find(String id) {
        requireId(id);
        return history.find(id).orElseThrow(() -> notFound(id));
    }

    private static void requireId(String id) {
        if (!InspectionIds.isValid(id)) {
            throw new BadRequestException("'" + (id.length() > 60 ? id.substring(0, 60) + "..." : id)
                    + "' is not an inspection id (like 20261122T031512123Z-a1b2c3d4)");
        }
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no inspection " + id + " in the history or the archive");
    }

    private static NotFoundException imageGone(String id) {
        return new NotFoundException("the images of inspection " + id + " were not kept (not archived, and no longer "
                + "in memory)");
    }

    private static Predicate<InspectionRecord> filter(String decision) {
        return switch (decision.toLowerCase(Locale.ROOT)) {
            case "all" -> r -> true;
            case "ok" -> r -> Boolean.TRUE.equals(r.finalDecision());
            case "nok" -> r -> Boolean.FALSE.equals(r.finalDecision());
            case "none" -> r -> r.finalDecision() == null;
            default -> throw new BadRequestException("decision must be one of ok, nok, none, all; got '" + decision + "'");
        };
    }

    private static int intParam(String name, String value, int min, int max) {
        try {
            int v = Integer.parseInt(value.strip());
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a whole number in " + min + ".."
                    + (max == Integer.MAX_VALUE ? "" : max) + ", got '" + value + "'");
        }
    }

    /**
     * An overrule's text stripped, or null when blank. Refused rather than cut when too long, since the record is
     * what an audit reads later; control characters are refused, line breaks only where {@code multiline}.
     */
    private static String text(String field, String value, int max, boolean multiline) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = value.strip();
        if (t.length() > max) {
            throw new BadRequestException(field + " is " + t.length() + " characters long, at most " + max);
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            if (Character.isISOControl(c) && !(multiline && lineBreak)) {
                throw new BadRequestException(field + " must be text without control characters"
                        + (multiline ? " (line breaks and tabs are fine)" : " or line breaks") + ", got U+"
                        + String.format(Locale.ROOT, "%04X", (int) c) + " at character " + (i + 1));
            }
        }
        return t;
    }

    private static String mediaTypeOf(String fileName) {
        String f = fileName.toLowerCase(Locale.ROOT);
        return f.endsWith(".png") ? "image/png" : f.endsWith(".bmp") ? "image/bmp" : "image/jpeg";
    }
}
