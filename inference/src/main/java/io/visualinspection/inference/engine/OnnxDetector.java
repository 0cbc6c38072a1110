package io.visualinspection.inference.engine;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.visualinspection.model.ClassNames;
import io.visualinspection.model.Detection;
import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.model.image.ReducedImage;
import io.visualinspection.model.manifest.ModelManifest;
import io.visualinspection.model.manifest.ModelParameter;
import io.visualinspection.model.yolo.DecodeOptions;
import io.visualinspection.model.yolo.Letterbox;
import io.visualinspection.model.yolo.LetterboxTensor;
import io.visualinspection.model.yolo.YoloDecoder;
import io.visualinspection.model.yolo.YoloOutputFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One YOLO model in an ONNX Runtime session: letterbox the image into a reused direct buffer, run, decode,
 * map back to the image. Thread-safe ({@code OrtSession.run} is); every native object a call creates is
 * closed before it returns. Built only by {@link #load}, which warms the session so that the first request
 * is as fast as the rest.
 */
public final class OnnxDetector implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OnnxDetector.class.getName());
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final Pattern ULTRALYTICS_NAME = Pattern.compile("(\\d+)\\s*:\\s*['\"]([^'\"]*)['\"]");

    private final OrtEnvironment env;
    private final OrtSession session;
    private final Path modelFile;
    private final EngineSettings settings;
    /** The model again with one intra-op thread, for runs beside others; null until prepared. */
    private volatile OrtSession oneCoreSession;
    private final AtomicBoolean oneCoreClaimed = new AtomicBoolean();
    private final String inputName;
    private final int inputWidth;
    private final int inputHeight;
    private final YoloOutputFormat format;
    private final ModelManifest manifest;
    private final ClassNames classNames;
    private final DecodeOptions defaults;
    private final Path folder;
    private final String outputName;
    /** The output shape when the model declares it fully (then outputs are written into reused buffers). */
    private final long[] staticOutputShape;
    private final ConcurrentLinkedQueue<RunSlot> slots = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inUse = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean retired;

    private OnnxDetector(OrtEnvironment env, OrtSession session, Path modelFile, EngineSettings settings,
            String inputName, int inputWidth, int inputHeight, YoloOutputFormat format, ModelManifest manifest,
            ClassNames classNames, DecodeOptions defaults, Path folder) throws OrtException {
        this.env = env;
        this.session = session;
        this.modelFile = modelFile;
        this.settings = settings;
        this.inputName = inputName;
        Map.Entry<String, NodeInfo> output = session.getOutputInfo().entrySet().iterator().next();
        this.outputName = output.getKey();
        long[] declared = ((TensorInfo) output.getValue().getInfo()).getShape();
        this.staticOutputShape = Arrays.stream(declared).allMatch(d -> d > 0) ? declared : null;
        this.inputWidth = inputWidth;
        this.inputHeight = inputHeight;
        this.format = format;
        this.manifest = manifest;
        this.classNames = classNames;
        this.defaults = defaults;
        this.folder = folder;
    }

    /**
     * Loads the model of a folder ({@code *.onnx}, optional {@code manifest.yaml} and {@code classes.txt}),
     * checks that its output is a YOLO layout, and warms it with one full detection.
     */
    public static OnnxDetector load(Path folder, EngineSettings settings) throws ModelLoadException {
        Path modelFile = findModelFile(folder);
        ManifestFile file = readManifest(folder);
        requireInside(folder, "classes_file", file.classesFile());
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session = null;
        try (OrtSession.SessionOptions options = sessionOptions(settings)) {
            String fallback = addExecutionProvider(options, settings.executionProvider());
            session = env.createSession(modelFile.toString(), options);
            Map.Entry<String, NodeInfo> input = session.getInputInfo().entrySet().iterator().next();
            long[] inputShape = ((TensorInfo) input.getValue().getInfo()).getShape();
            int[] size = inputSize(inputShape, file);
            Map<String, String> metadata = session.getMetadata().getCustomMetadata();
            ClassNames names = classNames(folder, file, metadata);
            List<ModelParameter> parameters = file.adjustableParameters(DecodeOptions.DEFAULT);
            DecodeOptions defaults = new DecodeOptions(defaultOf(parameters, ModelManifest.SCORE_THRESHOLD),
                    defaultOf(parameters, ModelManifest.IOU_THRESHOLD),
                    (int) defaultOf(parameters, ModelManifest.MAX_DETECTIONS));
            long[] declared = declaredOutputShape(session);
            long[] outputShape = declared != null ? declared : warmUp(env, session, input.getKey(), size[0], size[1]);
            YoloOutputFormat format = file.outputFormat() != null ? YoloOutputFormat.parse(file.outputFormat())
                    : YoloOutputFormat.detect(outputShape, size[0], size[1]);
            String name = file.name() != null ? file.name() : folder.getFileName().toString();
            ModelManifest manifest = new ModelManifest(name,
                    file.version() != null ? file.version() : metadata.getOrDefault("version", "unversioned"),
                    file.description() != null ? file.description() : metadata.get("description"),
                    file.task() != null ? file.task() : "detect",
                    format.name().toLowerCase(Locale.ROOT), size[0], size[1], names.names(),
                    file.classColors(),
                    parameters,
                    null, fallback == null ? provider(settings) : "cpu", fallback);
            if (!"detect".equals(manifest.task())) {
                throw new ModelLoadException(folder + ": task '" + manifest.task() + "' is not served; only detect", null);
            }
            OnnxDetector detector = new OnnxDetector(env, session, modelFile, settings, input.getKey(), size[0],
                    size[1], format, manifest, names, defaults, folder);
            detector.warmUpDetect();
            return detector;
        } catch (OrtException | IllegalArgumentException | ClassCastException e) {
            closeQuietly(session);
            throw new ModelLoadException(folder + ": " + e.getMessage(), e);
        } catch (ModelLoadException e) {
            closeQuietly(session);
            throw e;
        }
    }

    /**
     * The native tensors of one run, reused from run to run: the input tensor over a direct buffer that the
     * letterbox fills, and, where the model's output shape is fixed, an output tensor over a direct buffer
     * that ONNX Runtime writes into. Neither image nor result is copied between Java and native memory.
     */
    private final class RunSlot implements AutoCloseable {
        final FloatBuffer input;
        final OnnxTensor inputTensor;
        final FloatBuffer output;
        final OnnxTensor outputTensor;

        RunSlot() throws OrtException {
            input = directFloats(3L * inputWidth * inputHeight);
            inputTensor = OnnxTensor.createTensor(env, input, new long[] {1, 3, inputHeight, inputWidth});
            if (staticOutputShape != null) {
                output = directFloats(Arrays.stream(staticOutputShape).reduce(1, (a, b) -> a * b));
                try {
                    outputTensor = OnnxTensor.createTensor(env, output, staticOutputShape);
                } catch (OrtException e) {
                    inputTensor.close();
                    throw e;
                }
            } else {
                output = null;
                outputTensor = null;
            }
        }

        @Override
        public void close() {
            inputTensor.close();
            if (outputTensor != null) {
                outputTensor.close();
            }
        }
    }

    /** Detects objects in the image with the given thresholds, on all the session's intra-op threads. */
    public DetectionRun detect(BufferedImage image, DecodeOptions options) throws OrtException {
        return detect(image, options, false);
    }

    /**
     * Detects objects in the image with the given thresholds; with {@code oneCore}, in the one-thread session
     * when it is prepared (see {@link #prepareOneCoreSession}), for a run beside others.
     */
    public DetectionRun detect(BufferedImage image, DecodeOptions options, boolean oneCore) throws OrtException {
        long t0 = System.nanoTime();
        Letterbox lb = Letterbox.of(image.getWidth(), image.getHeight(), inputWidth, inputHeight);
        OrtSession narrow = oneCore ? oneCoreSession : null;
        OrtSession chosen = narrow != null ? narrow : session;
        RunSlot slot = takeSlot();
        try {
            LetterboxTensor.fill(image, lb, slot.input);
            long t1 = System.nanoTime();
            List<Detection> inModel;
            long t2;
            if (slot.outputTensor != null) {
                try (OrtSession.Result ignored = chosen.run(Map.of(inputName, slot.inputTensor),
                        Map.of(outputName, slot.outputTensor))) {
                    t2 = System.nanoTime();
                    inModel = YoloDecoder.decode(slot.output.duplicate().clear(), staticOutputShape, format, options);
                }
            } else {
                try (OrtSession.Result result = chosen.run(Map.of(inputName, slot.inputTensor))) {
                    t2 = System.nanoTime();
                    OnnxTensor output = (OnnxTensor) result.get(0);
                    inModel = YoloDecoder.decode(output.getFloatBuffer(), output.getInfo().getShape(), format, options);
                }
            }
            List<Detection> inImage = new ArrayList<>(inModel.size());
            for (Detection d : inModel) {
                inImage.add(lb.toSource(d));
            }
            long t3 = System.nanoTime();
            return new DetectionRun(inImage, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), narrow != null);
        } finally {
            giveBack(slot);
        }
    }

    /**
     * Detects objects in an image decoded for this detector ({@link ImageCodec#decodeForInput}), possibly at a
     * fraction of its size; the boxes are in pixels of the image itself.
     */
    public DetectionRun detect(ReducedImage image, DecodeOptions options, boolean oneCore) throws OrtException {
        DetectionRun run = detect(image.pixels(), options, oneCore);
        if (image.factor() == 1) {
            return run;
        }
        List<Detection> inImage = new ArrayList<>(run.detections().size());
        for (Detection d : run.detections()) {
            inImage.add(d.withBox(image.toImage(d.box())));
        }
        return new DetectionRun(inImage, run.preprocessMs(), run.sessionMs(), run.postprocessMs(), run.oneCore());
    }

    /**
     * Builds the model's second session, with one intra-op thread, and warms it with one run: detections that
     * run beside others use it, each on one core. Slow (a session is made and optimised), so called in the
     * background when first needed; until then such detections use the main session. Does nothing when the
     * main session has one thread already or does not run on the CPU, or when the detector is closed.
     */
    public void prepareOneCoreSession() throws OrtException {
        if (settings.intraOpThreads() <= 1 || !"cpu".equals(manifest.executionProvider()) || closed.get()
                || oneCoreSession != null) {
            return;
        }
        OrtSession narrow;
        try (OrtSession.SessionOptions options = sessionOptions(new EngineSettings(1, settings.interOpThreads(),
                settings.optimizationLevel(), "cpu"))) {
            narrow = env.createSession(modelFile.toString(), options);
        }
        try {
            RunSlot slot = takeSlot();
            try {
                fillPad(slot.input);
                try (OrtSession.Result ignored = slot.outputTensor != null
                        ? narrow.run(Map.of(inputName, slot.inputTensor), Map.of(outputName, slot.outputTensor))
                        : narrow.run(Map.of(inputName, slot.inputTensor))) {
                    // warmed: the first run of a session allocates its buffers
                }
            } finally {
                giveBack(slot);
            }
        } catch (OrtException | RuntimeException e) {
            closeQuietly(narrow);
            throw e;
        }
        synchronized (this) {
            if (closed.get()) {
                closeQuietly(narrow); // closed while it was being made
            } else {
                oneCoreSession = narrow;
            }
        }
    }

    /** True for the first caller only, who is then to call {@link #prepareOneCoreSession}. */
    public boolean claimOneCoreSession() {
        return oneCoreClaimed.compareAndSet(false, true);
    }

    /** Whether the one-thread session is prepared. */
    public boolean hasOneCoreSession() {
        return oneCoreSession != null;
    }

    /**
     * One bare {@code session.run} of the given input (letterboxed already), the way {@link #detect} runs
     * it: the engine's own floor, for comparing the service's overhead against.
     */
    public double timeSessionRun(FloatBuffer letterboxed) throws OrtException {
        RunSlot slot = takeSlot();
        try {
            slot.input.clear();
            slot.input.put(letterboxed.duplicate().clear());
            slot.input.clear();
            long t0 = System.nanoTime();
            if (slot.outputTensor != null) {
                try (OrtSession.Result ignored = session.run(Map.of(inputName, slot.inputTensor),
                        Map.of(outputName, slot.outputTensor))) {
                    return ms(System.nanoTime() - t0);
                }
            }
            try (OrtSession.Result ignored = session.run(Map.of(inputName, slot.inputTensor))) {
                return ms(System.nanoTime() - t0);
            }
        } finally {
            giveBack(slot);
        }
    }

    /**
     * One full detection on a blank image before the model serves: fills the reusable tensors and the
     * decoder's code paths, and proves the output decodes in the chosen format.
     */
    private void warmUpDetect() throws OrtException {
        detect(new BufferedImage(inputWidth, Math.max(1, inputHeight / 2), BufferedImage.TYPE_3BYTE_BGR), defaults);
    }

    /** A direct buffer the size of this model's input. */
    public FloatBuffer newInputBuffer() {
        return directFloats(3L * inputWidth * inputHeight);
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public ClassNames classNames() {
        return classNames;
    }

    public DecodeOptions defaults() {
        return defaults;
    }

    public YoloOutputFormat format() {
        return format;
    }

    public Path folder() {
        return folder;
    }

    public int inputWidth() {
        return inputWidth;
    }

    public int inputHeight() {
        return inputHeight;
    }

    /**
     * Marks the start of a use by a request. Fails once the detector is retired (replaced or removed);
     * the caller then looks up the current one.
     */
    public boolean tryAcquire() {
        inUse.incrementAndGet();
        if (retired) {
            release();
            return false;
        }
        return true;
    }

    public void release() {
        if (inUse.decrementAndGet() == 0 && retired) {
            close();
        }
    }

    /** No new uses; the session closes as soon as the uses under way have ended. */
    public void retire() {
        retired = true;
        if (inUse.get() == 0) {
            close();
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeSlots();
            closeQuietly(session);
            synchronized (this) {
                closeQuietly(oneCoreSession);
                oneCoreSession = null;
            }
        }
    }

    private RunSlot takeSlot() throws OrtException {
        RunSlot slot = slots.poll();
        return slot != null ? slot : new RunSlot();
    }

    private void giveBack(RunSlot slot) {
        slots.offer(slot);
        if (closed.get()) {
            closeSlots(); // closed while this run was under way: nothing may stay allocated
        }
    }

    private void closeSlots() {
        for (RunSlot slot = slots.poll(); slot != null; slot = slots.poll()) {
            slot.close();
        }
    }

    private static FloatBuffer directFloats(long count) {
        return ByteBuffer.allocateDirect(Math.toIntExact(count * Float.BYTES)).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
    }

    /**
     * The first output's shape as the model declares it, batch taken as 1; null when another dimension is
     * dynamic, and only a run can tell it. A declared shape saves that run at start (about a session time).
     */
    private static long[] declaredOutputShape(OrtSession session) throws OrtException {
        if (!(session.getOutputInfo().values().iterator().next().getInfo() instanceof TensorInfo info)) {
            return null;
        }
        long[] shape = info.getShape().clone();
        if (shape.length > 0 && shape[0] < 0) {
            shape[0] = 1;
        }
        for (long d : shape) {
            if (d <= 0) {
                return null;
            }
        }
        return shape;
    }

    /** One run on a grey image, for the output shape of a model whose output dimensions are dynamic. */
    private static long[] warmUp(OrtEnvironment env, OrtSession session, String inputName, int w, int h)
            throws OrtException {
        FloatBuffer grey = ByteBuffer.allocateDirect(3 * w * h * Float.BYTES).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        fillPad(grey);
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, grey, new long[] {1, 3, h, w});
                OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            return ((TensorInfo) result.get(0).getInfo()).getShape();
        }
    }

    private static void fillPad(FloatBuffer buffer) {
        for (int i = 0; i < buffer.capacity(); i++) {
            buffer.put(i, LetterboxTensor.PAD);
        }
    }

    /** The model file of a folder: {@code model.onnx}, else its only {@code *.onnx}. */
    public static Path findModelFile(Path folder) throws ModelLoadException {
        Path preferred = folder.resolve("model.onnx");
        if (Files.isRegularFile(preferred)) {
            return preferred;
        }
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> onnx = s.filter(p -> p.getFileName().toString().endsWith(".onnx")).sorted().toList();
            if (onnx.size() != 1) {
                throw new ModelLoadException(folder + ": expected one .onnx file (or model.onnx), found "
                        + onnx.size(), null);
            }
            return onnx.get(0);
        } catch (IOException e) {
            throw new ModelLoadException(folder + ": cannot list the folder: " + e.getMessage(), e);
        }
    }

    private static double defaultOf(List<ModelParameter> parameters, String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().defaultValue();
    }

    private static ManifestFile readManifest(Path folder) throws ModelLoadException {
        for (String name : List.of("manifest.yaml", "manifest.yml")) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    ManifestFile m = YAML.readValue(file.toFile(), ManifestFile.class);
                    return m != null ? m : ManifestFile.EMPTY;
                } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
                    throw new ModelLoadException(file + ": unknown field '" + e.getPropertyName() + "'; known: "
                            + new TreeSet<>(e.getKnownPropertyIds().stream().map(String::valueOf).toList()), e);
                } catch (IOException e) {
                    throw new ModelLoadException(file + ": " + e.getMessage(), e);
                }
            }
        }
        return ManifestFile.EMPTY;
    }

    /** A file a manifest names must lie in the model's folder: no absolute paths, no way out with "..". */
    static void requireInside(Path folder, String field, String fileName) throws ModelLoadException {
        if (fileName == null) {
            return;
        }
        Path base = folder.toAbsolutePath().normalize();
        Path resolved;
        try {
            resolved = base.resolve(fileName).normalize();
        } catch (InvalidPathException e) {
            throw new ModelLoadException(folder + ": " + field + " '" + fileName + "' is not a file name", e);
        }
        if (!resolved.startsWith(base) || resolved.equals(base)) {
            throw new ModelLoadException(folder + ": " + field + " '" + fileName + "' must name a file inside the "
                    + "model folder", null);
        }
    }

    private static int[] inputSize(long[] shape, ManifestFile file) throws ModelLoadException {
        if (shape.length != 4 || (shape[1] != 3 && shape[1] != -1)) {
            throw new ModelLoadException("input shape " + Arrays.toString(shape)
                    + " is not an image batch [1, 3, H, W]", null);
        }
        List<Integer> given = file.inputSize();
        int w = shape[3] > 0 ? (int) shape[3] : given != null && !given.isEmpty() ? given.get(0) : 640;
        int h = shape[2] > 0 ? (int) shape[2] : given != null && given.size() > 1 ? given.get(1) : w;
        return new int[] {w, h};
    }

    private static ClassNames classNames(Path folder, ManifestFile file, Map<String, String> metadata)
            throws ModelLoadException {
        if (file.classNames() != null && !file.classNames().isEmpty()) {
            return new ClassNames(file.classNames());
        }
        Path classesFile = folder.resolve(file.classesFile() != null ? file.classesFile() : "classes.txt");
        if (Files.isRegularFile(classesFile)) {
            try {
                return ClassNames.read(classesFile);
            } catch (IOException e) {
                throw new ModelLoadException(e.getMessage(), e);
            }
        }
        String names = metadata.get("names");
        if (names != null) {
            // Ultralytics exports write "{0: 'person', 1: 'bicycle', ...}".
            TreeMap<Integer, String> byId = new TreeMap<>();
            Matcher m = ULTRALYTICS_NAME.matcher(names);
            while (m.find()) {
                byId.put(Integer.parseInt(m.group(1)), m.group(2));
            }
            if (!byId.isEmpty()) {
                List<String> list = new ArrayList<>();
                for (int i = 0; i <= byId.lastKey(); i++) {
                    list.add(byId.getOrDefault(i, "class " + i));
                }
                return new ClassNames(list);
            }
        }
        return ClassNames.NONE;
    }

    private static String provider(EngineSettings settings) {
        return settings.executionProvider() == null ? "cpu" : settings.executionProvider().toLowerCase(Locale.ROOT);
    }

    /**
     * Adds the configured execution provider; returns null when it is in use, else why the session runs on
     * the CPU instead (also logged: a fallback must never be silent).
     */
    /**
     * Thread counts, and threads that stop spinning when a run returns: during a run they spin between its steps
     * (parking them there made detections slower), but spinning on after it took the cores that decoding, HTTP
     * and the backend's drawing need next (docs/benchmarks.md). Under load, runs follow each other and the
     * threads keep spinning, since they stop only when no run is left.
     */
    static void applyThreading(OrtSession.SessionOptions options, EngineSettings settings) throws OrtException {
        options.setIntraOpNumThreads(Math.max(1, settings.intraOpThreads()));
        options.setInterOpNumThreads(Math.max(1, settings.interOpThreads()));
        options.addConfigEntry("session.force_spinning_stop", "1");
    }

    /** Threads and graph optimisation as configured; the caller adds the execution provider and closes it. */
    private static OrtSession.SessionOptions sessionOptions(EngineSettings settings) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            applyThreading(options, settings);
            options.setOptimizationLevel(optLevel(settings.optimizationLevel()));
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }

    private static String addExecutionProvider(OrtSession.SessionOptions options, String name) {
        String provider = name == null ? "cpu" : name.toLowerCase(Locale.ROOT);
        try {
            switch (provider) {
                case "cpu" -> {
                    return null;
                }
                case "cuda" -> options.addCUDA(0);
                case "rocm" -> options.addROCM(0);
                case "dnnl" -> options.addDnnl(true);
                case "openvino" -> options.addOpenVINO("CPU");
                case "tensorrt" -> options.addTensorrt(0);
                case "xnnpack" -> options.addXnnpack(Map.of());
                default -> throw new IllegalArgumentException("unknown execution provider '" + name
                        + "'; known: cpu, cuda, rocm, dnnl, openvino, tensorrt, xnnpack");
            }
            return null;
        } catch (OrtException | UnsupportedOperationException e) {
            String reason = provider + " unavailable (" + e.getMessage() + "); running on the CPU";
            LOG.log(System.Logger.Level.WARNING, "execution provider " + reason);
            return reason;
        }
    }

    private static OrtSession.SessionOptions.OptLevel optLevel(String level) {
        return switch (level == null ? "all" : level.toLowerCase(Locale.ROOT)) {
            case "none", "no" -> OrtSession.SessionOptions.OptLevel.NO_OPT;
            case "basic" -> OrtSession.SessionOptions.OptLevel.BASIC_OPT;
            case "extended" -> OrtSession.SessionOptions.OptLevel.EXTENDED_OPT;
            case "all" -> OrtSession.SessionOptions.OptLevel.ALL_OPT;
            default -> throw new IllegalArgumentException("optimization level must be none, basic, extended or all, "
                    + "got " + level);
        };
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static void closeQuietly(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException e) {
                // Closing a session only fails if it was already closed.
            }
        }
    }
}
