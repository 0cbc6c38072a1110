package io.visualinspection.inference.rest;

import io.visualinspection.inference.service.InferenceService;
import io.visualinspection.service.ErrorResponses;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Uploads that are not usable images: 400, or 413 when too large (common errors: service-commons). */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response imageRejected(InferenceService.ImageRejectedException e) {
        return ErrorResponses.error(e.tooLarge() ? 413 : 400, e.getMessage());
    }
}
