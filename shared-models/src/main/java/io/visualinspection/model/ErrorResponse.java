package io.visualinspection.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of every error answer of every service: the HTTP status, its reason phrase, a message that says
 * what to fix, and for upstream faults the upstream's name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorResponse(
        @JsonProperty("status") int status,
        @JsonProperty("error") String error,
        @JsonProperty("message") String message,
        @JsonProperty("upstream") String upstream) {

    public ErrorResponse(int status, String error, String message) {
        this(status, error, message, null);
    }
}
