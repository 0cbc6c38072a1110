package io.visualinspection.backend.rest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /inspections/{id}/overrule}: the operator's verdict on the part, who gave it and why. The verdict
 * is read as JSON and checked to be {@code true} or {@code false}, since Jackson would take 1 or "true" as true;
 * fields it does not take are kept in {@code others}, to be refused as query parameters are.
 */
public record OverruleRequest(
        @JsonProperty("verdict") @Schema(type = SchemaType.BOOLEAN) JsonNode verdict,
        @JsonProperty("operator") String operator,
        @JsonProperty("comment") String comment,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {

    /** The body's field names, as the record's components name them. */
    static final List<String> FIELDS = RequestParameters.bodyFields(OverruleRequest.class);

    public OverruleRequest {
        others = others == null ? Map.of() : others;
    }
}
