package io.visualinspection.model.image;

/** Bytes that are not an image this system can use; the message says what to fix. */
public class ImageDecodeException extends Exception {

    private final boolean tooLarge;

    public ImageDecodeException(String message, boolean tooLarge, Throwable cause) {
        super(message, cause);
        this.tooLarge = tooLarge;
    }

    /** True when the image is refused for its size, not its content (HTTP 413 rather than 400). */
    public boolean tooLarge() {
        return tooLarge;
    }
}
