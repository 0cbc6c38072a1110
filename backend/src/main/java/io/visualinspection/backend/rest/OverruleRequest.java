package io.visualinspection.backend.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /inspections/{id}/overrule}: the operator's verdict on the part, who gave it and why. */
public record OverruleRequest(
        @JsonProperty("verdict") Boolean verdict,
        @JsonProperty("operator") String operator,
        @JsonProperty("comment") String comment) {
}
