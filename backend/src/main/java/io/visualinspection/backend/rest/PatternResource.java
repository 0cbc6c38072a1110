package io.visualinspection.backend.rest;

import io.visualinspection.backend.config.BackendConfig;
import io.visualinspection.backend.service.InspectionService;
import io.visualinspection.backend.service.PatternRepository;
import io.visualinspection.model.Detection;
import io.visualinspection.model.pattern.Pattern;
import io.visualinspection.model.pattern.PatternCheckResult;
import io.visualinspection.model.pattern.PatternFileException;
import io.visualinspection.model.pattern.PatternMatcher;
import io.visualinspection.model.pattern.PatternYaml;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Pattern checks without a camera, and the patterns this backend knows. */
@Path("/")
@Tag(name = "patterns")
public class PatternResource {

    private final InspectionService inspections;
    private final PatternRepository patterns;
    private final BackendConfig config;

    PatternResource(InspectionService inspections, PatternRepository patterns, BackendConfig config) {
        this.inspections = inspections;
        this.patterns = patterns;
        this.config = config;
    }

    @POST
    @Path("/check-pattern")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check detections against a pattern",
            description = "Body: coordinates ([[x0,y0,x1,y1], ...] normalised to the image), class_ids, optional "
                    + "scores (default 1), pattern_key or an inline pattern, min_score, strict. Answers decision, "
                    + "pattern_name (the reported variant) and lg (found flag per item).")
    @APIResponse(responseCode = "200", description = "The check", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "passed", value = ApiExamples.CHECK_PATTERN_RESULT)))
    @APIResponse(responseCode = "400", description = "Malformed detections or inline pattern; the message says what")
    @APIResponse(responseCode = "404", description = "Unknown pattern_key", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(name = "unknown pattern",
                    value = ApiExamples.UNKNOWN_PATTERN)))
    public PatternCheckResult checkPattern(@RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "by key", value = ApiExamples.CHECK_PATTERN_REQUEST)))
            CheckPatternRequest request) {
        if (request == null) {
            throw new BadRequestException("send a JSON body with coordinates and class_ids");
        }
        RequestParameters.refuseOthers(request.others().keySet(), CheckPatternRequest.FIELDS,
                "the body of POST /check-pattern", config);
        List<Detection> detections = detections(request);
        Pattern pattern = request.pattern() != null ? inline(request)
                : inspections.resolvePattern(request.patternKey());
        double minScore = request.minScore() != null ? request.minScore() : config.inspection().minScore();
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new BadRequestException("min_score must be in 0..1, got " + minScore);
        }
        return PatternMatcher.check(pattern, detections, minScore, request.strict());
    }

    @GET
    @Path("/patterns")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The pattern keys with their variants, the default key, and files that failed to load")
    public Map<String, Object> list() {
        PatternRepository.Snapshot s = patterns.snapshot();
        List<Map<String, Object>> list = new ArrayList<>();
        for (Pattern p : s.patterns().values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", p.key());
            entry.put("strict", p.strict());
            entry.put("variants", p.variants().stream()
                    .map(v -> Map.of("name", v.name(), "items", v.items().size())).toList());
            list.add(entry);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("default_key", patterns.defaultKey());
        out.put("patterns", list);
        out.put("errors", s.errors());
        return out;
    }

    private static List<Detection> detections(CheckPatternRequest r) {
        List<io.visualinspection.model.Box> boxes = r.coordinates() == null ? List.of() : r.coordinates();
        List<Double> classes = r.classIds() == null ? List.of() : r.classIds();
        if (boxes.size() != classes.size()) {
            throw new BadRequestException("coordinates and class_ids must have the same length, got "
                    + boxes.size() + " and " + classes.size());
        }
        if (r.scores() != null && r.scores().size() != boxes.size()) {
            throw new BadRequestException("scores must have one value per box, got " + r.scores().size()
                    + " for " + boxes.size() + " boxes");
        }
        List<Detection> out = new ArrayList<>(boxes.size());
        for (int i = 0; i < boxes.size(); i++) {
            if (boxes.get(i) == null || classes.get(i) == null) {
                throw new BadRequestException("coordinates[" + i + "] and class_ids[" + i + "] must not be null");
            }
            double classId = classes.get(i);
            if (classId != Math.rint(classId) || Math.abs(classId) > Integer.MAX_VALUE) {
                throw new BadRequestException("class_ids[" + i + "] must be a whole number, got " + classId);
            }
            try {
                out.add(new Detection(boxes.get(i).requireNormalised("coordinates[" + i + "]"), (int) classId,
                        r.scores() == null ? 1f : r.scores().get(i)));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("detection " + i + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static Pattern inline(CheckPatternRequest r) {
        try {
            return PatternYaml.parse(r.patternKey() != null ? r.patternKey() : "inline", r.pattern().toString());
        } catch (PatternFileException e) {
            throw new BadRequestException("pattern: " + e.problem());
        }
    }
}
