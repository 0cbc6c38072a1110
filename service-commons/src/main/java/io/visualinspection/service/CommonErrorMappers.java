package io.visualinspection.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The error answers every service gives: HTTP errors with their message, malformed JSON and multipart
 * bodies as 400 saying what is wrong, running out of memory as 503 (retry later), and the service's own
 * faults as 500 (logged with the stack, answered without it). Services add mappers for their own
 * exceptions beside these.
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

    /**
     * A method the path does not take. Quarkus's own message is "HTTP 405 Method Not Allowed" without the
     * {@code Allow} header HTTP asks for; this one names the request and, where known, the methods it takes.
     */
    @ServerExceptionMapper
    public Response methodNotAllowed(NotAllowedException e, ContainerRequestContext request) {
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        boolean own = e.getMessage() != null && !e.getMessage().startsWith("HTTP 405");
        String message = own ? e.getMessage() : request.getMethod() + " " + request.getUriInfo().getPath()
                + " is not allowed; " + (allow != null && !allow.isBlank() ? "it takes " + allow
                : "/q/openapi lists the methods each endpoint takes");
        Response.ResponseBuilder r = ErrorResponses.builder(405, message, null);
        if (allow != null && !allow.isBlank()) {
            r.header(HttpHeaders.ALLOW, allow);
        }
        return r.build();
    }

    /**
     * A body of a type the endpoint does not take. Quarkus's own message speaks of {@code @Consumes}, which tells a
     * line controller's author nothing; this one names the request and the type it sent.
     */
    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, ContainerRequestContext request) {
        return ErrorResponses.error(415, unsupportedMediaTypeMessage(request.getMethod(),
                request.getUriInfo().getPath(), request.getHeaderString(HttpHeaders.CONTENT_TYPE)));
    }

    static String unsupportedMediaTypeMessage(String method, String path, String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String sent = type.isEmpty() ? "a body without a Content-Type" : "a body of Content-Type '" + type + "'";
        String hint = type.startsWith("image/") || type.equals("application/octet-stream")
                ? "send the image in multipart/form-data, in a file part named 'image' (curl -F image=@photo.jpg)"
                : "/q/openapi lists the types each endpoint takes";
        return method + " " + path + " does not take " + sent + "; " + hint;
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return ErrorResponses.error(400, "the body is not valid JSON: " + e.getOriginalMessage());
    }

    /** JSON of the wrong shape (an array for an object, text for a boolean): without this, a bare 400. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return malformedJson(e);
    }

    /**
     * A request that needs more memory than is free now (e.g. several very large images at once) is refused
     * like an overload: the allocation that failed was this request's, and the service keeps running.
     */
    @ServerExceptionMapper
    public Response outOfMemory(OutOfMemoryError e) {
        LOG.errorf("out of memory serving a request (%s); answered 503", e.getMessage());
        return ErrorResponses.builder(503, "not enough memory for this request now (" + e.getMessage()
                + "); retry shortly, or send a smaller image", null).header(HttpHeaders.RETRY_AFTER, "1").build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                return outOfMemory(oom); // wrapped on the way, e.g. by an executor or an image reader
            }
        }
        LOG.error("unexpected error", e);
        return ErrorResponses.error(500, "internal error: " + (e.getMessage() != null ? e.getMessage()
                : e.getClass().getSimpleName()));
    }
}
