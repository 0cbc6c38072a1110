package io.visualinspection.inference.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Where the models are and how the engine runs them. */
@ConfigMapping(prefix = "inference")
public interface InferenceConfig {

    /** Folder with one folder per model ({@code model.onnx}, optional {@code manifest.yaml}, {@code classes.txt}). */
    Path modelsDir();

    /** The model that {@code POST /inference} uses; default: the first model folder by name. */
    Optional<String> defaultModel();

    /** ONNX Runtime threads inside one operator; default: the number of cores. */
    Optional<Integer> intraOpThreads();

    /** ONNX Runtime threads across operators. */
    @WithDefault("1")
    int interOpThreads();

    /** Execution provider: cpu, cuda, rocm, dnnl, openvino, tensorrt, xnnpack; unavailable ones fall back to CPU. */
    @WithDefault("cpu")
    String executionProvider();

    /**
     * How often the models folder is checked for added, replaced or removed models; 0 turns checking off
     * ({@code POST /models/reload} still works). A changed folder is loaded once it has stayed unchanged
     * for one interval, so that a model still being copied is not taken.
     */
    @WithDefault("2s")
    Duration reloadInterval();

    /** Graph optimisation: none, basic, extended, all. */
    @WithDefault("all")
    String optimizationLevel();

    /** Inferences run at once. More than one only helps when intra-op threads leave cores idle. */
    @WithDefault("1")
    int maxConcurrent();

    /**
     * With {@code max-concurrent} 1 and several intra-op threads: a request that meets another one (running or
     * waiting) runs beside it on one core, in a second session of the model with one intra-op thread, instead of
     * after it on every core. A request that finds the service idle still gets every core. More throughput under
     * load on few cores, at the memory of a second session per model, made the first time two requests meet
     * (docs/inference.md).
     */
    @WithDefault("true")
    boolean splitUnderLoad();

    /** Requests that may wait for a free slot; beyond this the service answers 503 with Retry-After. */
    @WithDefault("16")
    int maxQueue();

    /**
     * Where ONNX Runtime's native libraries are kept between starts (copied there once from its jar), which
     * saves about 0.3 s per start; unset: ONNX Runtime copies them to a new temporary folder at each start.
     * Unset in dev and test mode, where each restart of the application loads ONNX Runtime again in a new
     * class loader, and the JVM refuses to load one library file twice.
     */
    Optional<Path> nativeLibraryDir();

    /**
     * A JPEG at least twice as large as its letterbox into the model's input is decoded at a half, a quarter or
     * an eighth of its size (libjpeg-turbo's scaled decoding), as small as it can be without the letterbox
     * enlarging it; boxes are still in pixels of the image as uploaded. Off: every image is decoded whole and
     * letterboxed from there (docs/inference.md).
     */
    @WithDefault("true")
    boolean reducedDecoding();

    /** Largest image accepted, in pixels (width x height), checked before decoding. */
    @WithDefault("50000000")
    long maxImagePixels();
}
