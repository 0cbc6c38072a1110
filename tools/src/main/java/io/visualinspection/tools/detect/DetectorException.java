package io.visualinspection.tools.detect;

/**
 * Detection failed. {@code imageRefused} says whether it is this image's fault (the service refused it as not
 * an image, too large...), so that a run can go on with the next image, or the detector's (the service cannot
 * be reached, the model does not load), so that the run stops.
 */
public class DetectorException extends Exception {

    private final boolean imageRefused;

    public DetectorException(String message, boolean imageRefused, Throwable cause) {
        super(message, cause);
        this.imageRefused = imageRefused;
    }

    public boolean imageRefused() {
        return imageRefused;
    }
}
