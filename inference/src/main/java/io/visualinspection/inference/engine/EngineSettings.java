package io.visualinspection.inference.engine;

/**
 * How ONNX Runtime sessions are built: thread counts, graph optimisation level ({@code none},
 * {@code basic}, {@code extended}, {@code all}) and execution provider ({@code cpu}, {@code cuda},
 * {@code rocm}, {@code dnnl}, {@code openvino}, {@code tensorrt}, {@code xnnpack}); a provider that is not
 * available falls back to CPU, and says so.
 */
public record EngineSettings(int intraOpThreads, int interOpThreads, String optimizationLevel,
        String executionProvider) {

    public static EngineSettings defaults() {
        return new EngineSettings(Runtime.getRuntime().availableProcessors(), 1, "all", "cpu");
    }
}
