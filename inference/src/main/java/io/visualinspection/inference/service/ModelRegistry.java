package io.visualinspection.inference.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.visualinspection.inference.config.InferenceConfig;
import io.visualinspection.inference.engine.EngineSettings;
import io.visualinspection.inference.engine.ModelLoadException;
import io.visualinspection.inference.engine.NativeLibraries;
import io.visualinspection.inference.engine.OnnxDetector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The models of the models folder, one sub-folder each, loaded and warmed at start and kept in step with
 * the folder while running: an added or replaced model is loaded and warmed beside the serving one and
 * swapped in only when ready; the replaced session closes when its last request has finished; a model
 * that fails to load is rejected with a logged reason and the old one keeps serving; a removed folder's
 * model stops serving.
 */
@ApplicationScoped
public class ModelRegistry {

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

    private record Loaded(String fingerprint, OnnxDetector detector) {
    }

    private final InferenceConfig config;
    private final MeterRegistry meters;
    /** Makes models' one-thread sessions (split-under-load) in the background, one at a time. */
    private final ExecutorService oneCorePreparer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "one-core-sessions");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, String> rejectedFingerprints = new HashMap<>();
    private final Map<String, String> rejectedReasons = new TreeMap<>();
    private final Map<String, String> pendingFingerprints = new HashMap<>();
    private Map<String, Loaded> byFolder = Map.of();
    private volatile Map<String, OnnxDetector> byName = Map.of();
    private volatile String defaultName;
    private ScheduledExecutorService watcher;

    ModelRegistry(InferenceConfig config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
    }

    void onStart(@Observes StartupEvent event) {
        useNativeLibraryFolder();
        reload(true);
        long interval = config.reloadInterval().toMillis();
        if (interval > 0) {
            watcher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "models-watcher");
                t.setDaemon(true);
                return t;
            });
            watcher.scheduleWithFixedDelay(() -> {
                try {
                    reload(false);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "checking the models folder failed");
                }
            }, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    /** Points ONNX Runtime at a kept folder of its native libraries, when one is configured (see NativeLibraries). */
    private void useNativeLibraryFolder() {
        if (System.getProperty(NativeLibraries.PROPERTY) != null || config.nativeLibraryDir().isEmpty()) {
            return;
        }
        Path parent = config.nativeLibraryDir().get();
        try {
            NativeLibraries.extract(parent).ifPresent(folder -> {
                System.setProperty(NativeLibraries.PROPERTY, folder.toString());
                LOG.debugf("ONNX Runtime's native libraries from %s", folder);
            });
        } catch (IOException | RuntimeException e) {
            // ONNX Runtime then copies them to a temporary folder itself, as it always can.
            LOG.warnf("cannot keep ONNX Runtime's native libraries in %s (%s); each start copies them again",
                    parent, e.getMessage());
        }
    }

    synchronized void onStop(@Observes ShutdownEvent event) {
        if (watcher != null) {
            watcher.shutdownNow();
        }
        oneCorePreparer.shutdownNow();
        byFolder.values().forEach(l -> l.detector().retire());
        byFolder = Map.of();
        byName = Map.of();
    }

    /**
     * Brings the served models in step with the folder.
     *
     * @param immediate load changed folders now, instead of once they have stayed unchanged for an interval
     */
    public synchronized ReloadReport reload(boolean immediate) {
        EngineSettings settings = new EngineSettings(
                config.intraOpThreads().orElse(Runtime.getRuntime().availableProcessors()),
                config.interOpThreads(), config.optimizationLevel(), config.executionProvider());
        Map<String, Loaded> next = new TreeMap<>();
        List<OnnxDetector> toRetire = new ArrayList<>();
        List<String> loaded = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Map<String, String> rejectedNow = new TreeMap<>();
        List<Path> folders = modelFolders();
        for (Path folder : folders) {
            String key = folder.getFileName().toString();
            String fingerprint = fingerprint(folder);
            Loaded current = byFolder.get(key);
            if (current != null && current.fingerprint().equals(fingerprint)) {
                next.put(key, current);
                continue;
            }
            // A rejected folder is tried again once it changes, or when a reload is forced.
            if ((!immediate && fingerprint.equals(rejectedFingerprints.get(key)))
                    || (!immediate && !fingerprint.equals(pendingFingerprints.put(key, fingerprint)))) {
                if (current != null) {
                    next.put(key, current); // still broken, or still changing: the old model keeps serving
                }
                continue;
            }
            pendingFingerprints.remove(key);
            long t0 = System.nanoTime();
            try {
                OnnxDetector detector = OnnxDetector.load(folder, settings);
                next.put(key, new Loaded(fingerprint, detector));
                rejectedFingerprints.remove(key);
                rejectedReasons.remove(key);
                String name = detector.manifest().name();
                (current == null ? loaded : replaced).add(name);
                if (current != null) {
                    toRetire.add(current.detector());
                }
                count(name, current == null ? "loaded" : "replaced");
                for (String outcome : new String[] {"loaded", "replaced", "rejected", "removed"}) {
                    meters.counter("inference_model_loads", "model", name, "outcome", outcome); // at 0 until it happens
                }
                meters.counter("inference_one_core_runs", "model", name);
                LOG.infof("model %s %s %s from %s (%s, input %dx%d, %d classes, %s) in %d ms", name,
                        detector.manifest().version(), current == null ? "loaded" : "replaced", folder,
                        detector.format(), detector.inputWidth(), detector.inputHeight(),
                        detector.classNames().size(), detector.manifest().executionProvider(),
                        (System.nanoTime() - t0) / 1_000_000);
            } catch (ModelLoadException e) {
                rejectedFingerprints.put(key, fingerprint);
                rejectedReasons.put(key, e.getMessage());
                rejectedNow.put(key, e.getMessage());
                count(key, "rejected");
                LOG.errorf("model folder %s rejected%s: %s", folder,
                        current != null ? " (the previous model keeps serving)" : "", e.getMessage());
                if (current != null) {
                    next.put(key, current);
                }
            }
        }
        for (Map.Entry<String, Loaded> old : byFolder.entrySet()) {
            if (!next.containsKey(old.getKey())) {
                removed.add(old.getValue().detector().manifest().name());
                toRetire.add(old.getValue().detector());
                count(old.getValue().detector().manifest().name(), "removed");
                LOG.infof("model %s removed (folder %s is gone)", old.getValue().detector().manifest().name(),
                        old.getKey());
            }
        }
        rejectClashingNames(next, rejectedNow, toRetire);
        rejectedReasons.keySet().retainAll(folders.stream().map(f -> f.getFileName().toString()).toList());
        publish(next);
        toRetire.forEach(OnnxDetector::retire);
        return new ReloadReport(loaded, replaced, removed, rejectedNow, List.copyOf(byName.keySet()));
    }

    /**
     * Makes the model's one-thread session in the background, once: called when a run of it first meets another
     * (split-under-load), so that a service that never has two requests at once never holds a second session.
     * Until it is there, the model's runs beside others use its main session.
     */
    public void prepareOneCoreSession(OnnxDetector detector) {
        if (!detector.claimOneCoreSession()) {
            return;
        }
        try {
            oneCorePreparer.execute(() -> prepareOneCore(detector));
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    private static void prepareOneCore(OnnxDetector detector) {
        long t0 = System.nanoTime();
        try {
            detector.prepareOneCoreSession();
            if (detector.hasOneCoreSession()) {
                LOG.infof("model %s: one-thread session for runs side by side under load ready in %d ms",
                        detector.manifest().name(), (System.nanoTime() - t0) / 1_000_000);
            }
        } catch (ai.onnxruntime.OrtException | RuntimeException e) {
            LOG.warnf("model %s: no one-thread session (%s); under load its runs share the cores of the main session",
                    detector.manifest().name(), e.getMessage());
        }
    }

    /**
     * Two folders declaring one model name: the folder that served that name before keeps serving (else the
     * first by folder name); the other is rejected and its session closed at once, not kept open beside the one
     * that serves.
     */
    private void rejectClashingNames(Map<String, Loaded> next, Map<String, String> rejectedNow,
            List<OnnxDetector> toRetire) {
        Predicate<String> servedThisName = key -> {
            OnnxDetector before = byName.get(next.get(key).detector().manifest().name());
            return before != null && before.folder().getFileName().toString().equals(key);
        };
        List<String> order = new ArrayList<>(next.keySet().stream().filter(servedThisName).toList());
        next.keySet().stream().filter(servedThisName.negate()).forEach(order::add);
        Map<String, String> owners = new HashMap<>();
        for (String key : order) {
            Loaded l = next.get(key);
            String name = l.detector().manifest().name();
            String owner = owners.putIfAbsent(name, key);
            if (owner != null) {
                String reason = "folder " + key + " declares model name '" + name + "', already served from " + owner;
                next.remove(key);
                toRetire.add(l.detector());
                rejectedNow.put(key, reason);
                rejectedReasons.put(key, reason);
                rejectedFingerprints.put(key, l.fingerprint());
                count(key, "rejected");
                LOG.error(reason);
            }
        }
    }

    private void publish(Map<String, Loaded> next) {
        Map<String, OnnxDetector> names = new TreeMap<>();
        for (Loaded l : next.values()) {
            names.put(l.detector().manifest().name(), l.detector());
        }
        byFolder = Collections.unmodifiableMap(next);
        byName = Collections.unmodifiableMap(names);
        defaultName = config.defaultModel().orElse(names.isEmpty() ? null : names.keySet().iterator().next());
        if (defaultName != null && !names.containsKey(defaultName)) {
            LOG.errorf("default model %s is not among the served models %s", defaultName, names.keySet());
        }
    }

    /** Names, sizes and times of the folder's files: changes when any file is added, replaced or removed. */
    private static String fingerprint(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            StringBuilder s = new StringBuilder();
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                s.append(f.getFileName()).append(':').append(Files.size(f)).append(':')
                        .append(Files.getLastModifiedTime(f).toMillis()).append(';');
            }
            return s.toString();
        } catch (IOException e) {
            return "unreadable:" + e.getMessage();
        }
    }

    private List<Path> modelFolders() {
        Path dir = config.modelsDir();
        if (!Files.isDirectory(dir)) {
            LOG.errorf("models folder %s does not exist", dir.toAbsolutePath());
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            LOG.errorf("cannot list models folder %s: %s", dir, e.getMessage());
            return List.of();
        }
    }

    private void count(String model, String outcome) {
        meters.counter("inference_model_loads", "model", model, "outcome", outcome).increment();
    }

    public Optional<OnnxDetector> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Optional<OnnxDetector> defaultModel() {
        String name = defaultName;
        return name == null ? Optional.empty() : find(name);
    }

    public String defaultName() {
        return defaultName;
    }

    public Collection<OnnxDetector> all() {
        return byName.values();
    }

    /** Folders that could not be loaded, with the reason, as of the last check. */
    public synchronized Map<String, String> rejected() {
        return new LinkedHashMap<>(rejectedReasons);
    }
}
