package io.visualinspection.inference.engine;

/** A model folder that cannot be served, with the reason. */
public class ModelLoadException extends Exception {

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
