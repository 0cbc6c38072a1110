package io.visualinspection.backend.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.visualinspection.backend.client.CameraClient;
import io.visualinspection.backend.client.InferenceClient;
import io.visualinspection.backend.client.UpstreamException;
import io.visualinspection.backend.client.Upstreams;
import io.visualinspection.backend.config.BackendConfig;
import io.visualinspection.model.Detection;
import io.visualinspection.model.InferenceResult;
import io.visualinspection.model.InspectionRecord;
import io.visualinspection.model.InspectionResult;
import io.visualinspection.model.camera.CameraParameters;
import io.visualinspection.model.camera.ImageParameters;
import io.visualinspection.model.camera.ParameterSource;
import io.visualinspection.model.camera.QueryParameters;
import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.model.image.ImageDecodeException;
import io.visualinspection.model.pattern.Pattern;
import io.visualinspection.model.pattern.PatternCheckResult;
import io.visualinspection.model.pattern.PatternMatcher;
import io.visualinspection.model.render.InspectionRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** Turns a trigger into a decision: camera, inference, pattern check, drawing, encoding. */
@ApplicationScoped
@Startup // a misspelt camera default fails the start, not the first inspection
public class InspectionService {

    private static final Logger LOG = Logger.getLogger(InspectionService.class);
    private static final int TIMEOUT_MARGIN_MS = 1000;

    private final CameraClient camera;
    private final InferenceClient inference;
    private final PatternRepository patterns;
    private final BackendConfig config;
    private final MeterRegistry meters;
    private final CameraParameters cameraDefaults;
    private final ImageParameters imageDefaults;
    private final InspectionHistory history;
    private final InspectionArchive archive;
    private final AtomicReference<Inspection> latest = new AtomicReference<>();
    /** Decodes images for drawing beside the inference call; a thread per inspection under way at most. */
    private final ExecutorService drawingDecoder = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "drawing-decoder");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, AtomicLong> lastDecisions =
            new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastTimestamps =
            new ConcurrentHashMap<>();

    InspectionService(CameraClient camera, InferenceClient inference,
            PatternRepository patterns, InspectionHistory history, InspectionArchive archive, BackendConfig config,
            MeterRegistry meters) {
        this.camera = camera;
        this.inference = inference;
        this.patterns = patterns;
        this.history = history;
        this.archive = archive;
        this.config = config;
        this.meters = meters;
        // Present from the start at 0, so that rate() and alerts see the first error. A 4xx passed on to the
        // caller (kind refused) is the caller's to fix and not counted here; http_server_requests shows it.
        for (String upstream : new String[] {"camera", "inference"}) {
            for (String kind : new String[] {"unreachable", "timeout", "overloaded", "failed"}) {
                meters.counter("upstream_errors", "upstream", upstream, "kind", kind);
            }
        }
        for (String decision : new String[] {"ok", "nok", "none"}) {
            meters.counter("inspections", "decision", decision, "pattern", "none");
        }
        ParameterSource params = ParameterSource.of(config.camera().defaults());
        this.cameraDefaults = QueryParameters.camera(params);
        this.imageDefaults = QueryParameters.image(params);
        refuseUnread(params);
    }

    /** A misspelt default would be left out of every photo request without a word; it fails the start instead. */
    private static void refuseUnread(ParameterSource cameraDefaults) {
        String problem = cameraDefaults.unreadProblem("backend.camera.defaults (camera and image parameters by "
                + "their query names)");
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /** Takes a photo with the given parameters (over the configured defaults) and inspects it. */
    public Inspection inspectWithCamera(CameraParameters cameraRequest, ImageParameters imageRequest,
            InspectionOptions options) {
        CameraParameters cam = withTimeoutBelowHttp(cameraRequest.over(cameraDefaults));
        ImageParameters img = imageRequest.over(imageDefaults);
        List<String> problems = new ArrayList<>(cam.problems());
        problems.addAll(img.problems());
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("; ", problems));
        }
        Pattern pattern = resolvePattern(options.patternKey());
        StageTimings timings = new StageTimings(meters);
        Map<String, String> query = new LinkedHashMap<>(cam.toQuery());
        query.putAll(img.toQuery());
        CameraClient.Photo photo = timings.time("camera", () -> countingFaults(() -> camera.takePhoto(query)));
        return inspect(photo.bytes(), photo.mediaType(), pattern, options, timings, "camera", query);
    }

    /** Inspects an uploaded image. */
    public Inspection inspectImage(byte[] image, InspectionOptions options) {
        Pattern pattern = resolvePattern(options.patternKey());
        StageTimings timings = new StageTimings(meters);
        return inspect(image, null, pattern, options, timings, "upload", Map.of());
    }

    /** The most recent inspection, if any. */
    public Inspection latest() {
        return latest.get();
    }

    /** The drawn JPEG of an inspection, drawing it now if it was not drawn yet. */
    public byte[] drawn(Inspection inspection) {
        if (inspection.drawnJpeg() != null) {
            return inspection.drawnJpeg();
        }
        byte[] jpeg = draw(inspection.image(), inspection.inference(), inspection.pattern(), inspection.check(),
                new StageTimings(meters));
        latest.compareAndSet(inspection, inspection.withDrawn(jpeg));
        return jpeg;
    }

    /** The image as taken, as JPEG (re-encoded if the camera sent another format). */
    public byte[] rawJpeg(Inspection inspection) {
        if ("image/jpeg".equals(inspection.imageMediaType()) || isJpeg(inspection.image())) {
            return inspection.image();
        }
        return ImageCodec.encodeJpeg(decodeOwn(inspection.image()), config.inspection().drawnJpegQuality());
    }

    public Pattern resolvePattern(String requestedKey) {
        String key = requestedKey != null ? requestedKey : patterns.defaultKey();
        if (key == null) {
            return null; // no pattern configured: decision null with a reason, never an error
        }
        return patterns.find(key).orElseThrow(() -> new NotFoundException("unknown pattern_key '" + key
                + "'; known: " + patterns.snapshot().patterns().keySet()));
    }

    private Inspection inspect(byte[] image, String mediaType, Pattern pattern, InspectionOptions options,
            StageTimings timings, String source, Map<String, String> cameraQuery) {
        // Decoded for drawing beside the inference call, while the inference service decodes the same image and
        // a core is free; it is done before the detection starts (measured: docs/benchmarks.md).
        CompletableFuture<BufferedImage> forDrawing = options.wants(InspectionOptions.IMAGE_DRAWN)
                ? CompletableFuture.supplyAsync(() -> decodeOwn(image), drawingDecoder) : null;
        InferenceResult detected = timings.time("inference",
                () -> countingFaults(() -> infer(image, source, options)));
        PatternCheckResult check = timings.time("pattern", () -> check(pattern, detected, options));
        byte[] drawn = forDrawing != null
                ? draw(timings.time("decoding", () -> joined(forDrawing)), detected, pattern, check, timings) : null;
        Map<String, Double> ms = timings.finish();
        Instant now = Instant.now();
        // The images stay bytes here; the response writes them as base64 (InspectionResponseMapper).
        InspectionResult result = new InspectionResult(InspectionIds.next(now), now, check.decision(),
                check.reason(), check.patternKey(), check.patternName(), check.lg(), null,
                new InspectionResult.Results(detected.bboxes(), detected.classIds(), detected.scores(),
                        detected.classNames()),
                detected.model(), detected.modelVersion(), detected.imageWidth(), detected.imageHeight(),
                options.minScore(), ms);
        Inspection inspection = new Inspection(result, image, mediaType, detected, pattern, check, drawn);
        latest.set(inspection);
        record(inspection, source, cameraQuery, options);
        String patternTag = check.patternKey() == null ? "none" : check.patternKey();
        meters.counter("inspections", "decision", decisionTag(check.decision()), "pattern", patternTag).increment();
        lastDecision(patternTag).set(check.decision() == null ? -1 : check.decision() ? 1 : 0);
        lastTimestamp(patternTag).set(now.getEpochSecond());
        LOG.infof("inspection %s: %s pattern=%s variant=%s %d/%d in %.0f ms", result.inspectionId(),
                decisionTag(check.decision()), check.patternKey(), check.patternName(), check.matchedItems(),
                check.totalItems(), ms.get("total"));
        return inspection;
    }

    /** 1 OK, 0 NOK, -1 no decision: the last inspection's outcome per pattern, for "last decisions" panels. */
    private AtomicLong lastDecision(String pattern) {
        return lastDecisions.computeIfAbsent(pattern, p -> meters.gauge("inspection_last_decision",
                Tags.of("pattern", p), new AtomicLong()));
    }

    private AtomicLong lastTimestamp(String pattern) {
        return lastTimestamps.computeIfAbsent(pattern, p -> meters.gauge("inspection_last_timestamp_seconds",
                Tags.of("pattern", p), new AtomicLong()));
    }

    /** Keeps the inspection in the history, and in the archive when the configuration says so. */
    private void record(Inspection inspection, String source, Map<String, String> cameraQuery,
            InspectionOptions options) {
        InspectionResult r = inspection.result();
        Map<String, String> parameters = new LinkedHashMap<>(cameraQuery);
        if (options.patternKey() != null) {
            parameters.put("pattern_key", options.patternKey());
        }
        parameters.put("min_score", String.valueOf(options.minScore()));
        if (options.model() != null) {
            parameters.put("model", options.model());
        }
        parameters.putAll(options.modelParameters());
        if (options.strict() != null) {
            parameters.put("strict", String.valueOf(options.strict()));
        }
        InspectionRecord record = new InspectionRecord(r, parameters, source, null, null, null); // no image data
        Supplier<byte[]> drawn = memoize(() -> drawn(inspection));
        if (archive.wants(r.decision())) {
            record = archive.submit(new InspectionArchive.Entry(record, inspection.image(),
                    extension(inspection.image()), drawn));
        }
        history.add(record, new InspectionHistory.Images(inspection.image(), mediaType(inspection.image()), drawn));
    }

    private static <T> Supplier<T> memoize(Supplier<T> s) {
        AtomicReference<T> value = new AtomicReference<>();
        return () -> {
            T v = value.get();
            if (v == null) {
                v = s.get();
                value.compareAndSet(null, v);
            }
            return v;
        };
    }

    static String extension(byte[] image) {
        if (isJpeg(image)) {
            return "jpg";
        }
        if (image.length > 3 && (image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G') {
            return "png";
        }
        if (image.length > 1 && image[0] == 'B' && image[1] == 'M') {
            return "bmp";
        }
        return "img";
    }

    static String mediaType(byte[] image) {
        return switch (extension(image)) {
            case "jpg" -> "image/jpeg";
            case "png" -> "image/png";
            case "bmp" -> "image/bmp";
            default -> "application/octet-stream";
        };
    }

    private static PatternCheckResult check(Pattern pattern, InferenceResult detected, InspectionOptions options) {
        if (pattern == null) {
            return PatternCheckResult.noPattern("no pattern is configured: set backend.patterns.default-key or "
                    + "pass pattern_key");
        }
        return PatternMatcher.checkPixels(pattern, detected.detections(), detected.imageWidth(),
                detected.imageHeight(), options.minScore(), options.strict());
    }

    private byte[] draw(byte[] image, InferenceResult detected, Pattern pattern, PatternCheckResult check,
            StageTimings timings) {
        BufferedImage decoded = timings.time("decoding", () -> decodeOwn(image));
        return draw(decoded, detected, pattern, check, timings);
    }

    private byte[] draw(BufferedImage decoded, InferenceResult detected, Pattern pattern, PatternCheckResult check,
            StageTimings timings) {
        List<Detection> detections = detected.detections();
        List<String> names = detected.classNames();
        BufferedImage drawn = timings.time("drawing", () -> InspectionRenderer.draw(decoded, detections,
                id -> nameOf(id, detected, names), pattern, check));
        return timings.time("encoding", () -> ImageCodec.encodeJpeg(drawn, config.inspection().drawnJpegQuality()));
    }

    private static String nameOf(int classId, InferenceResult detected, List<String> names) {
        if (names != null) {
            int i = detected.classIds().indexOf(classId);
            if (i >= 0) {
                return names.get(i);
            }
        }
        return "class " + classId;
    }

    private static BufferedImage joined(CompletableFuture<BufferedImage> decoding) {
        try {
            return decoding.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        drawingDecoder.shutdown();
    }

    /** An image that inference already accepted; failing to decode it here is this service's fault. */
    private static BufferedImage decodeOwn(byte[] image) {
        try {
            return ImageCodec.decode(image);
        } catch (ImageDecodeException e) {
            throw new IllegalStateException("the image inference accepted cannot be decoded for drawing: "
                    + e.getMessage(), e);
        }
    }

    /** An image from the camera that inference cannot read is the camera's fault; an upload's stays the caller's. */
    private InferenceResult infer(byte[] image, String source, InspectionOptions options) {
        try {
            return inference.detect(options.model(), options.modelParameters(), image);
        } catch (UpstreamException e) {
            if ("camera".equals(source) && (e.status() == 400 || e.status() == 413)) {
                throw Upstreams.unusableCameraImage(e);
            }
            throw e;
        }
    }

    /** Counts an upstream's fault (not a 4xx it passed on for the caller to fix) for the UpstreamErrors alert. */
    private <T> T countingFaults(Supplier<T> call) {
        try {
            return call.get();
        } catch (UpstreamException e) {
            if (!e.callersToFix()) {
                meters.counter("upstream_errors", "upstream", e.upstream(), "kind", e.kind()).increment();
            }
            throw e;
        }
    }

    /** The camera's own timeout stays below the HTTP timeout, so that the camera answers first. */
    private CameraParameters withTimeoutBelowHttp(CameraParameters cam) {
        long httpMs = config.camera().timeoutMs();
        int ceiling = (int) Math.max(CameraParameters.MIN_TIMEOUT_MS, httpMs - TIMEOUT_MARGIN_MS);
        if (cam.timeoutMs() == null) {
            return cam.withTimeoutMs(ceiling);
        }
        if (cam.timeoutMs() > ceiling) {
            throw new BadRequestException("timeout_ms must be at most " + ceiling + " (the backend waits "
                    + httpMs + " ms for the camera), got " + cam.timeoutMs());
        }
        return cam;
    }

    private static boolean isJpeg(byte[] b) {
        return b.length > 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8;
    }

    static String decisionTag(Boolean decision) {
        return decision == null ? "none" : decision ? "ok" : "nok";
    }
}
