package io.visualinspection.inference.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.visualinspection.inference.config.InferenceConfig;
import io.visualinspection.inference.engine.EngineSettings;
import io.visualinspection.inference.engine.ModelLoadException;
import io.visualinspection.inference.engine.OnnxDetector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/** The models of the models folder, loaded and warmed at start, by name. */
@ApplicationScoped
public class ModelRegistry {

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

    private final InferenceConfig config;
    private final MeterRegistry meters;
    private volatile Map<String, OnnxDetector> models = Map.of();
    private volatile String defaultName;

    ModelRegistry(InferenceConfig config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
    }

    void onStart(@Observes StartupEvent event) {
        load();
    }

    void onStop(@Observes ShutdownEvent event) {
        models.values().forEach(OnnxDetector::close);
        models = Map.of();
    }

    synchronized void load() {
        EngineSettings settings = new EngineSettings(
                config.intraOpThreads().orElse(Runtime.getRuntime().availableProcessors()),
                config.interOpThreads(), config.optimizationLevel());
        Map<String, OnnxDetector> loaded = new TreeMap<>();
        for (Path folder : modelFolders()) {
            long t0 = System.nanoTime();
            try {
                OnnxDetector detector = OnnxDetector.load(folder, settings);
                loaded.put(detector.manifest().name(), detector);
                meters.counter("inference_model_loads", "model", detector.manifest().name(), "outcome", "loaded")
                        .increment();
                LOG.infof("model %s %s loaded from %s (%s, input %dx%d, %d classes) in %d ms",
                        detector.manifest().name(), detector.manifest().version(), folder, detector.format(),
                        detector.inputWidth(), detector.inputHeight(), detector.classNames().size(),
                        (System.nanoTime() - t0) / 1_000_000);
            } catch (ModelLoadException e) {
                meters.counter("inference_model_loads", "model", folder.getFileName().toString(), "outcome", "rejected")
                        .increment();
                LOG.errorf("model folder %s rejected: %s", folder, e.getMessage());
            }
        }
        models = java.util.Collections.unmodifiableMap(loaded);
        defaultName = config.defaultModel().orElse(loaded.isEmpty() ? null : loaded.keySet().iterator().next());
        if (defaultName != null && !loaded.containsKey(defaultName)) {
            LOG.errorf("default model %s is not among the loaded models %s", defaultName, loaded.keySet());
        }
    }

    private List<Path> modelFolders() {
        Path dir = config.modelsDir();
        if (!Files.isDirectory(dir)) {
            LOG.errorf("models folder %s does not exist", dir.toAbsolutePath());
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            LOG.errorf("cannot list models folder %s: %s", dir, e.getMessage());
            return List.of();
        }
    }

    public Optional<OnnxDetector> find(String name) {
        return Optional.ofNullable(models.get(name));
    }

    public Optional<OnnxDetector> defaultModel() {
        return defaultName == null ? Optional.empty() : find(defaultName);
    }

    public String defaultName() {
        return defaultName;
    }

    public Collection<OnnxDetector> all() {
        return models.values();
    }
}
