package io.visualinspection.inference.rest;

import io.visualinspection.inference.service.InferenceService;
import io.visualinspection.model.ErrorResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error as an {@link ErrorResponse} whose message says what to fix. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        Response.ResponseBuilder r = error(original.getStatus(), e.getMessage());
        String retryAfter = original.getHeaderString(HttpHeaders.RETRY_AFTER);
        if (retryAfter != null) {
            r.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return r.build();
    }

    @ServerExceptionMapper
    public Response imageRejected(InferenceService.ImageRejectedException e) {
        return error(e.tooLarge() ? 413 : 400, e.getMessage()).build();
    }

    static Response.ResponseBuilder error(int status, String message) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorResponse(status, type != null ? type.getReasonPhrase() : "Error", message));
    }
}
