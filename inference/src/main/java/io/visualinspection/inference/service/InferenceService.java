package io.visualinspection.inference.service;

import ai.onnxruntime.OrtException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.visualinspection.inference.config.InferenceConfig;
import io.visualinspection.inference.engine.DetectionRun;
import io.visualinspection.inference.engine.OnnxDetector;
import io.visualinspection.model.Detection;
import io.visualinspection.model.InferenceResult;
import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.model.image.ImageDecodeException;
import io.visualinspection.model.image.ReducedImage;
import io.visualinspection.model.manifest.ModelManifest;
import io.visualinspection.model.manifest.ModelParameter;
import io.visualinspection.model.yolo.DecodeOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ServiceUnavailableException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** Runs one detection request: pick the model, check parameters, decode, wait for a slot, detect. */
@ApplicationScoped
public class InferenceService {

    private final ModelRegistry models;
    private final AdmissionLimiter limiter;
    private final InferenceConfig config;
    private final MeterRegistry meters;

    InferenceService(ModelRegistry models, AdmissionLimiter limiter, InferenceConfig config, MeterRegistry meters) {
        this.models = models;
        this.limiter = limiter;
        this.config = config;
        this.meters = meters;
        // Present from the start at 0, so that rate() and alerts see the first error.
        for (String kind : new String[] {"bad_image", "image_too_large", "overloaded", "engine"}) {
            meters.counter("inference_errors", "kind", kind);
        }
    }

    /**
     * @param modelName null for the default model
     * @param parameters adjustable parameters by name (unknown names are refused), may be empty
     */
    public InferenceResult detect(String modelName, byte[] imageBytes, Map<String, String> parameters) {
        long t0 = System.nanoTime();
        // A model may be replaced between lookup and use; a retired one refuses, and the new one is used.
        for (int attempt = 0; attempt < 5; attempt++) {
            OnnxDetector model = resolve(modelName);
            if (model.tryAcquire()) {
                try {
                    return detect(model, imageBytes, parameters, t0);
                } finally {
                    model.release();
                }
            }
        }
        throw new ServiceUnavailableException((modelName == null ? "the default model" : "model " + modelName)
                + " is being replaced; retry", 1L);
    }

    private InferenceResult detect(OnnxDetector model, byte[] imageBytes, Map<String, String> parameters, long t0) {
        DecodeOptions options = options(model, parameters);
        AdmissionLimiter.Admission admission;
        try {
            admission = limiter.acquire();
        } catch (AdmissionLimiter.OverloadedException e) {
            error("overloaded");
            throw new ServiceUnavailableException(e.getMessage(), 1L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("interrupted while waiting for the model", 1L);
        }
        String name = model.manifest().name();
        long waitedNanos = admission.waitedNanos();
        ReducedImage image;
        long decodeNanos;
        DetectionRun run;
        try {
            Timer.builder("inference_queue_wait").description("Time a request waited for a free inference slot")
                    .publishPercentileHistogram().register(meters).record(Duration.ofNanos(waitedNanos));
            // Decoded only once admitted: a request refused for a full queue never holds a decoded image.
            long d0 = System.nanoTime();
            image = decode(imageBytes, model);
            decodeNanos = System.nanoTime() - d0;
            if (admission.oneCore() && !model.hasOneCoreSession()) {
                models.prepareOneCoreSession(model); // the first time this model's runs meet
            }
            run = model.detect(image, options, admission.oneCore());
        } catch (OrtException e) {
            error("engine");
            throw new IllegalStateException("ONNX Runtime failed on model " + name + ": " + e.getMessage(), e);
        } finally {
            limiter.release(admission);
        }
        Timer.builder("inference_session").description("ONNX Runtime session.run time").tag("model", name)
                .publishPercentileHistogram().register(meters).record(Duration.ofNanos((long) (run.sessionMs() * 1e6)));
        if (run.oneCore()) {
            meters.counter("inference_one_core_runs", "model", name).increment();
        }
        for (Detection d : run.detections()) {
            String cls = model.classNames().nameOf(d.classId());
            meters.counter("inference_detections", "model", name, "class", cls).increment();
            // Scores in percent: Micrometer counts summary values into buckets as whole numbers, so 0..1 would
            // land in +Inf only.
            DistributionSummary.builder("inference.detection.score").baseUnit("percent").scale(100)
                    .tag("model", name).tag("class", cls)
                    .serviceLevelObjectives(25, 50, 75, 90).register(meters).record(d.score());
        }
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("queue", waitedNanos / 1e6);
        timings.put("decode", decodeNanos / 1e6);
        timings.put("preprocess", run.preprocessMs());
        timings.put("session", run.sessionMs());
        timings.put("postprocess", run.postprocessMs());
        timings.put("total", (System.nanoTime() - t0) / 1e6);
        return InferenceResult.of(run.detections(), model.classNames(), name, model.manifest().version(),
                image.width(), image.height(), timings);
    }

    private OnnxDetector resolve(String modelName) {
        if (modelName == null) {
            return models.defaultModel().orElseThrow(() -> new ServiceUnavailableException(
                    "no default model is loaded; check the models folder " + config.modelsDir().toAbsolutePath()));
        }
        return models.find(modelName).orElseThrow(() -> new NotFoundException("no model named '" + modelName
                + "'; known: " + new TreeSet<>(models.all().stream().map(m -> m.manifest().name()).toList())));
    }

    private static DecodeOptions options(OnnxDetector model, Map<String, String> parameters) {
        DecodeOptions d = model.defaults();
        double score = d.scoreThreshold();
        double iou = d.iouThreshold();
        int max = d.maxDetections();
        ModelManifest manifest = model.manifest();
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            ModelParameter spec = manifest.parameter(p.getKey());
            if (spec == null) {
                throw new BadRequestException("unknown parameter '" + p.getKey() + "' for model " + manifest.name()
                        + "; known: " + manifest.parameters().stream().map(ModelParameter::name).toList());
            }
            double v;
            try {
                v = spec.parse(p.getValue());
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage());
            }
            switch (spec.name()) {
                case ModelManifest.SCORE_THRESHOLD -> score = v;
                case ModelManifest.IOU_THRESHOLD -> iou = v;
                case ModelManifest.MAX_DETECTIONS -> max = (int) v;
                default -> { }
            }
        }
        return new DecodeOptions(score, iou, max);
    }

    /**
     * The image for this model: reduced in decoding where the configuration allows and the letterbox would shrink
     * it.
     */
    private ReducedImage decode(byte[] bytes, OnnxDetector model) {
        try {
            return config.reducedDecoding()
                    ? ImageCodec.decodeForInput(bytes, config.maxImagePixels(), model.inputWidth(), model.inputHeight())
                    : ReducedImage.full(ImageCodec.decode(bytes, config.maxImagePixels()));
        } catch (ImageDecodeException e) {
            error(e.tooLarge() ? "image_too_large" : "bad_image");
            throw new ImageRejectedException(e);
        }
    }

    private void error(String kind) {
        meters.counter("inference_errors", "kind", kind).increment();
    }

    /** An upload that is not a usable image: 400, or 413 when it is too large. */
    public static class ImageRejectedException extends RuntimeException {
        private final boolean tooLarge;

        ImageRejectedException(ImageDecodeException cause) {
            super(cause.getMessage(), cause);
            this.tooLarge = cause.tooLarge();
        }

        public boolean tooLarge() {
            return tooLarge;
        }
    }
}
