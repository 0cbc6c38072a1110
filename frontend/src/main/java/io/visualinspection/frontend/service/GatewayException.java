package io.visualinspection.frontend.service;

/** A call to another service that did not work out; the message is meant for the operator, never a trace. */
public class GatewayException extends RuntimeException {

    public GatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
