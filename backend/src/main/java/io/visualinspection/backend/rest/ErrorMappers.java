package io.visualinspection.backend.rest;

import io.visualinspection.backend.client.UpstreamException;
import io.visualinspection.model.ErrorResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error as an {@link ErrorResponse}: what to fix for 4xx, which upstream for 502/503/504. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        return error(e.getResponse().getStatus(), e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response upstream(UpstreamException e) {
        LOG.warnf("%s (answering %d)", e.getMessage(), e.status());
        Response r = error(e.status(), e.getMessage(), e.upstream());
        return e.status() == 503 ? Response.fromResponse(r).header("Retry-After", "1").build() : r;
    }

    static Response error(int status, String message, String upstream) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorResponse(status, type != null ? type.getReasonPhrase() : "Error", message, upstream))
                .build();
    }
}
