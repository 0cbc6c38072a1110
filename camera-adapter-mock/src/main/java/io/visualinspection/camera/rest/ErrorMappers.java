package io.visualinspection.camera.rest;

import io.visualinspection.camera.service.FrameSource;
import io.visualinspection.model.ErrorResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error as an {@link ErrorResponse} whose message says what to fix. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        return error(e.getResponse().getStatus(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response noFrames(FrameSource.NoFramesException e) {
        LOG.warn(e.getMessage());
        return error(503, "the camera has no frames: " + e.getMessage());
    }

    static Response error(int status, String message) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String reason = type != null ? type.getReasonPhrase() : "Error";
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorResponse(status, reason, message)).build();
    }
}
