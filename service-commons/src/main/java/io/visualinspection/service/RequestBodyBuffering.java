package io.visualinspection.service;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a request's whole body on the I/O thread, as it arrives, before Quarkus REST hands the request to a
 * worker thread.
 *
 * <p>For a blocking resource method Quarkus REST otherwise reads the body on the worker through a stream that
 * waits for the I/O thread at every chunk: for a camera image of about 100 kB those hand-overs cost about 1 ms of
 * every request (docs/benchmarks.md). Given the body whole ({@link RoutingContext#setBody}), Quarkus REST reads it
 * from memory. The resources read their bodies into memory whole anyway. A body declared larger than
 * {@code quarkus.http.limits.max-body-size} has been refused before this route ({@link BodySizeLimit}); one sent
 * in chunks is refused here as soon as it passes the limit, with the same error body. Requests without a body pass
 * straight on, and so do HTTP/2 requests, which Quarkus REST reads itself. The operator UI excludes this bean: its
 * servlets read the request themselves.
 */
@ApplicationScoped
public class RequestBodyBuffering {

    static final int AFTER_QUARKUS_LIMIT = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1;
    private static final int CHUNKED_START_SIZE = 64 * 1024;

    void install(@Observes Router router,
            @ConfigProperty(name = BodySizeLimit.PROPERTY) Optional<MemorySize> limit) {
        long max = limit.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        router.route().order(AFTER_QUARKUS_LIMIT).handler(ctx -> read(ctx, max));
    }

    static void read(RoutingContext ctx, long limit) {
        HttpServerRequest request = ctx.request();
        long declared = BodySizeLimit.declaredLength(request);
        boolean chunked = declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        // HTTP/2 (a client that upgrades a plain connection, as the JDK's HttpClient does) passes on too: Quarkus REST
        // pauses every request it starts, and an HTTP/2 request read to its end refuses that ("Request has already
        // been read"), where an HTTP/1 one does not mind.
        if (declared <= 0 && !chunked || request.isEnded() || request.version() == HttpVersion.HTTP_2) {
            ctx.next();
            return;
        }
        // A client that asked to be told before it sends the body (curl does above 1 MB) is told now; Quarkus REST
        // would do it when it starts reading, which it no longer does.
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            ctx.response().writeContinue();
        }
        Buffer body = Buffer.buffer((int) Math.min(chunked ? CHUNKED_START_SIZE : declared, Integer.MAX_VALUE));
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            long received = body.length() + (long) chunk.length();
            if (received > limit) {
                refused[0] = true;
                BodySizeLimit.refuse(ctx, "the request body (sent in chunks) has passed " + received + " bytes",
                        limit);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(e -> {
            if (!refused[0] && !ctx.response().ended()) {
                ctx.fail(e);
            }
        });
        request.endHandler(v -> {
            if (!refused[0]) {
                ctx.setBody(body);
                ctx.next();
            }
        });
        request.resume();
    }
}
