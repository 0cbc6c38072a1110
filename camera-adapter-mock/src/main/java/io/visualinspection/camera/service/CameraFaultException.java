package io.visualinspection.camera.service;

/** A photo that failed the way a real camera fails; answered with the kind's status and a message naming it. */
public class CameraFaultException extends RuntimeException {

    private final FailureKind kind;

    public CameraFaultException(FailureKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public FailureKind kind() {
        return kind;
    }

    public int status() {
        return kind.status();
    }
}
