package io.visualinspection.camera.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.visualinspection.camera.service.FaultSettings;
import jakarta.ws.rs.BadRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code PUT/POST /admin/faults}: any of the fault fields, and {@code seed} to repeat the random draws.
 * Read field by field from the JSON tree, so that a misspelt or mistyped field is refused naming it instead of
 * being ignored. A field not given (or null) is off for PUT and unchanged for POST.
 */
public record FaultsRequest(Long latencyMs, Long jitterMs, Double failureRate, Boolean hang, Boolean corruptImage,
        Boolean disconnected, Long seed) {

    static final List<String> FIELDS = List.of("latency_ms", "jitter_ms", "failure_rate", "hang", "corrupt_image",
            "disconnected", "seed");

    /** The request in this JSON body; 400 naming every wrong field. */
    public static FaultsRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequestException("the body must be a JSON object with any of the fields " + FIELDS);
        }
        List<String> problems = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                problems.add("unknown field '" + name + "'; known: " + String.join(", ", FIELDS));
            }
        });
        FaultsRequest request = new FaultsRequest(
                whole(body, "latency_ms", problems), whole(body, "jitter_ms", problems),
                number(body, "failure_rate", problems), bool(body, "hang", problems),
                bool(body, "corrupt_image", problems), bool(body, "disconnected", problems),
                whole(body, "seed", problems));
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("; ", problems));
        }
        return request;
    }

    /** These settings over {@code base}: each field given replaces the base's. */
    public FaultSettings over(FaultSettings base) {
        FaultSettings settings = new FaultSettings(
                latencyMs != null ? latencyMs : base.latencyMs(),
                jitterMs != null ? jitterMs : base.jitterMs(),
                failureRate != null ? failureRate : base.failureRate(),
                hang != null ? hang : base.hang(),
                corruptImage != null ? corruptImage : base.corruptImage(),
                disconnected != null ? disconnected : base.disconnected());
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("; ", problems));
        }
        return settings;
    }

    private static Long whole(JsonNode body, String name, List<String> problems) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            problems.add(name + " must be a whole number, got " + v);
            return null;
        }
        return v.longValue();
    }

    private static Double number(JsonNode body, String name, List<String> problems) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            problems.add(name + " must be a number, got " + v);
            return null;
        }
        return v.doubleValue();
    }

    private static Boolean bool(JsonNode body, String name, List<String> problems) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            problems.add(name + " must be true or false, got " + v);
            return null;
        }
        return v.booleanValue();
    }
}
