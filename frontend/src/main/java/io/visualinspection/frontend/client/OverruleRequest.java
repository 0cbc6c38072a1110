package io.visualinspection.frontend.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /inspections/{id}/overrule}: the operator's verdict on the part, who gave it and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OverruleRequest(
        @JsonProperty("verdict") boolean verdict,
        @JsonProperty("operator") String operator,
        @JsonProperty("comment") String comment) {
}
