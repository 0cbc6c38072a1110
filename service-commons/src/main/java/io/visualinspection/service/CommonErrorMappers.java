package io.visualinspection.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The error answers every service gives: HTTP errors with their message, malformed JSON as 400 saying
 * where, and the service's own faults as 500 (logged with the stack, answered without it). Services add
 * mappers for their own exceptions beside these.
 */
public class CommonErrorMappers {

    private static final Logger LOG = Logger.getLogger(CommonErrorMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json); // the JSON reader wraps its own error in a bare 400
        }
        Response original = e.getResponse();
        Response.ResponseBuilder r = ErrorResponses.builder(original.getStatus(), e.getMessage(), null);
        String retryAfter = original.getHeaderString(HttpHeaders.RETRY_AFTER);
        if (retryAfter != null) {
            r.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return r.build();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return ErrorResponses.error(400, "the body is not valid JSON: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("unexpected error", e);
        return ErrorResponses.error(500, "internal error: " + (e.getMessage() != null ? e.getMessage()
                : e.getClass().getSimpleName()));
    }
}
