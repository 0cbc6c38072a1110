package io.visualinspection.backend.service;

import io.visualinspection.backend.config.BackendConfig;
import io.visualinspection.model.pattern.Pattern;
import io.visualinspection.model.pattern.PatternFileException;
import io.visualinspection.model.pattern.PatternYaml;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The patterns of the configured file or folder. Files are re-read when they change (checked at most
 * once per rescan interval, on use); a file that does not parse is reported with file and line and left
 * out, and every other pattern keeps working.
 */
@ApplicationScoped
public class PatternRepository {

    private static final Logger LOG = Logger.getLogger(PatternRepository.class);

    /** What was read: patterns by key, and the files that could not be used with the reason. */
    public record Snapshot(Map<String, Pattern> patterns, Map<String, String> errors) {
    }

    private record FileStamp(long modified, long size) {
    }

    private record Loaded(FileStamp stamp, Pattern pattern, String error) {
    }

    private final BackendConfig config;
    private final io.micrometer.core.instrument.MeterRegistry meters;
    private Map<Path, Loaded> files = Map.of();
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());
    private long scannedAt = Long.MIN_VALUE;

    PatternRepository(BackendConfig config, io.micrometer.core.instrument.MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
    }

    public Snapshot snapshot() {
        rescanIfDue();
        return snapshot;
    }

    public Optional<Pattern> find(String key) {
        return Optional.ofNullable(snapshot().patterns().get(key));
    }

    /** The key used when a request names none: the configured one, else the only one; null if neither. */
    public String defaultKey() {
        Snapshot s = snapshot();
        if (config.patterns().defaultKey().isPresent()) {
            return config.patterns().defaultKey().get();
        }
        return s.patterns().size() == 1 ? s.patterns().keySet().iterator().next() : null;
    }

    private synchronized void rescanIfDue() {
        long now = System.nanoTime();
        if (scannedAt != Long.MIN_VALUE && now - scannedAt < config.patterns().rescanInterval().toNanos()) {
            return;
        }
        scannedAt = now;
        Map<Path, Loaded> next = new TreeMap<>();
        boolean changed = false;
        for (Path file : patternFiles()) {
            FileStamp stamp = stamp(file);
            Loaded previous = files.get(file);
            if (previous != null && previous.stamp().equals(stamp)) {
                next.put(file, previous);
                continue;
            }
            changed = true;
            try {
                Pattern p = PatternYaml.read(file);
                next.put(file, new Loaded(stamp, p, null));
                LOG.infof("pattern %s loaded from %s (%d variants)", p.key(), file, p.variants().size());
                for (String decision : new String[] {"ok", "nok", "none"}) {
                    meters.counter("inspections", "decision", decision, "pattern", p.key()); // at 0 until inspected
                }
            } catch (PatternFileException e) {
                next.put(file, new Loaded(stamp, null, e.getMessage()));
                LOG.errorf("pattern file rejected: %s", e.getMessage());
            }
        }
        if (!changed && next.keySet().equals(files.keySet())) {
            return;
        }
        files = next;
        Map<String, Pattern> patterns = new TreeMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Map.Entry<Path, Loaded> e : next.entrySet()) {
            if (e.getValue().pattern() != null) {
                patterns.put(e.getValue().pattern().key(), e.getValue().pattern());
            } else {
                errors.put(e.getKey().getFileName().toString(), e.getValue().error());
            }
        }
        snapshot = new Snapshot(Collections.unmodifiableMap(patterns), Map.copyOf(errors));
    }

    private List<Path> patternFiles() {
        Path path = config.patterns().path();
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            LOG.warnf("pattern path %s does not exist", path.toAbsolutePath());
            return List.of();
        }
        try (Stream<Path> s = Files.list(path)) {
            return s.filter(Files::isRegularFile).filter(p -> PatternYaml.keyOf(p) != null).sorted().toList();
        } catch (IOException e) {
            LOG.errorf("cannot list pattern folder %s: %s", path, e.getMessage());
            return List.of();
        }
    }

    private static FileStamp stamp(Path file) {
        try {
            return new FileStamp(Files.getLastModifiedTime(file).toMillis(), Files.size(file));
        } catch (IOException e) {
            return new FileStamp(-1, -1);
        }
    }
}
