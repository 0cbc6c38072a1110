package io.visualinspection.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.runtime.configuration.MemorySize;
import io.visualinspection.model.ErrorResponse;
import io.visualinspection.model.Json;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request whose declared body is larger than {@code quarkus.http.limits.max-body-size} is refused with 413 and
 * the usual error body saying the size and the limit, before anything is read. Quarkus's own check (route order
 * -2, which this one precedes) answers the same status with no body at all, which tells a line controller nothing.
 */
@ApplicationScoped
public class BodySizeLimit {

    static final String PROPERTY = "quarkus.http.limits.max-body-size";
    static final int BEFORE_QUARKUS_LIMIT = -3;

    void install(@Observes Router router, @ConfigProperty(name = PROPERTY) Optional<MemorySize> limit) {
        limit.ifPresent(l -> router.route().order(BEFORE_QUARKUS_LIMIT).handler(ctx -> check(ctx, l.asLongValue())));
    }

    static void check(RoutingContext ctx, long limit) {
        long length = declaredLength(ctx.request());
        if (length <= limit) {
            ctx.next();
            return;
        }
        refuse(ctx, "the request body is " + length + " bytes", limit);
    }

    /** The request's Content-Length; -1 when it has none (or a malformed one, which the HTTP codec refuses). */
    static long declaredLength(HttpServerRequest request) {
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Answers 413 with the error body; the rest of the body is not read.
     *
     * @param what what is too large, e.g. "the request body is 25000000 bytes"
     */
    static void refuse(RoutingContext ctx, String what, long limit) {
        byte[] body;
        try {
            body = Json.mapper().writeValueAsBytes(new ErrorResponse(413, "Request Entity Too Large",
                    what + ", over the limit of " + limit + " bytes (" + PROPERTY + ")"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error record does not serialise", e);
        }
        HttpServerResponse response = ctx.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        // On HTTP/1 the unread rest of the body would be taken for the next request, so the connection ends. HTTP/2
        // forbids the header (clients fail the whole answer as a protocol error); there only the stream ends.
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(Buffer.buffer(body));
    }
}
