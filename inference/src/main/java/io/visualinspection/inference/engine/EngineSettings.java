package io.visualinspection.inference.engine;

/**
 * How ONNX Runtime sessions are built: thread counts and graph optimisation level ({@code none},
 * {@code basic}, {@code extended}, {@code all}).
 */
public record EngineSettings(int intraOpThreads, int interOpThreads, String optimizationLevel) {

    public static EngineSettings defaults() {
        return new EngineSettings(Runtime.getRuntime().availableProcessors(), 1, "all");
    }
}
