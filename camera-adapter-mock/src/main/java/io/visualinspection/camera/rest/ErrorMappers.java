package io.visualinspection.camera.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.visualinspection.camera.service.CameraFaultException;
import io.visualinspection.model.ErrorResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error as an {@link ErrorResponse} whose message says what to fix, or which fault the camera showed. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json); // the JSON reader wraps its own error in a bare 400
        }
        return error(e.getResponse().getStatus(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response cameraFault(CameraFaultException e) {
        LOG.debug(e.getMessage());
        return error(e.status(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return error(400, "the body is not valid JSON: " + e.getOriginalMessage());
    }

    /** A fault of the emulator itself, not of the caller: logged with its stack, answered without it. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("unexpected error", e);
        return error(500, e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
    }

    static Response error(int status, String message) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String reason = type != null ? type.getReasonPhrase() : "Error";
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorResponse(status, reason, message)).build();
    }
}
