package io.visualinspection.frontend.service;

/** An inspection that could not run; the message is meant for the operator. */
public class InspectionFailedException extends GatewayException {

    public InspectionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
