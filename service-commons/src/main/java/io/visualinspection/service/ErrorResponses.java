package io.visualinspection.service;

import io.visualinspection.model.ErrorResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds error answers in the one shape every service uses ({@link ErrorResponse}). */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Response.ResponseBuilder builder(int status, String message, String upstream) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorResponse(status, type != null ? type.getReasonPhrase() : "Error", message, upstream));
    }

    public static Response error(int status, String message) {
        return builder(status, message, null).build();
    }
}
