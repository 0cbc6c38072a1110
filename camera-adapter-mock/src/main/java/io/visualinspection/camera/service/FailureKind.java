package io.visualinspection.camera.service;

/**
 * Why a photo failed, as the {@code kind} tag of {@code camera_failures_total} and in error messages, with the
 * HTTP status the adapter answers for it.
 */
public enum FailureKind {
    /** The camera failed to grab a frame (injected by {@code failure_rate}): the adapter's internal error. */
    FAILURE("failure", 500),
    /** No device with the camera's serial number or address: the adapter cannot reach it. */
    DISCONNECTED("disconnected", 503),
    /** The grab never returned; answered only once the fault is reset or the hang limit passes. */
    HANG("hang", 503),
    /** No frame within the request's {@code timeout_ms}: the adapter's upstream, the camera, timed out. */
    TIMEOUT("timeout", 504),
    /** A frame was delivered, but its bytes are corrupt (the answer itself is a 200). */
    CORRUPT_IMAGE("corrupt_image", 200),
    /** The camera has nothing to show: a configuration fault. */
    NO_FRAMES("no_frames", 503);

    private final String tag;
    private final int status;

    FailureKind(String tag, int status) {
        this.tag = tag;
        this.status = status;
    }

    public String tag() {
        return tag;
    }

    public int status() {
        return status;
    }
}
