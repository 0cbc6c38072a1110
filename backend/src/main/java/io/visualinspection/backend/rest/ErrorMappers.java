package io.visualinspection.backend.rest;

import io.visualinspection.backend.client.UpstreamException;
import io.visualinspection.service.ErrorResponses;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Upstream faults as 502/503/504 (or the upstream's 4xx) naming the upstream (common errors: service-commons). */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response upstream(UpstreamException e) {
        LOG.warnf("%s (answering %d)", e.getMessage(), e.status());
        Response.ResponseBuilder r = ErrorResponses.builder(e.status(), e.getMessage(), e.upstream());
        if (e.status() == 503) {
            r.header("Retry-After", "1");
        }
        return r.build();
    }
}
