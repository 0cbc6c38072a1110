package io.visualinspection.backend.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.visualinspection.backend.config.BackendConfig;
import io.visualinspection.model.InspectionRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Saves inspections to disk: per day folder, the image as taken, the drawn image and a JSON record, all
 * named by the inspection id (which never repeats). Every file is written to a temporary name first and
 * moved into place only when all are complete, images before the record, so a record on disk always has
 * its images. Writing happens on one background thread; when its queue is full the request thread writes
 * itself, so nothing accepted is ever dropped. A full disk or an unwritable folder never fails an
 * inspection: it is logged and counted ({@code archive_failures_total}).
 */
@ApplicationScoped
public class InspectionArchive {

    private static final Logger LOG = Logger.getLogger(InspectionArchive.class);

    /** What to write for one inspection; the drawn image is made on the writer thread if needed. */
    public record Entry(InspectionRecord record, byte[] image, String imageExtension, Supplier<byte[]> drawnJpeg) {
    }

    private final BackendConfig.Archive config;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final AtomicLong sequence = new AtomicLong();
    private final ThreadPoolExecutor writer;

    InspectionArchive(BackendConfig config, ObjectMapper json, MeterRegistry meters) {
        this.config = config.archive();
        this.json = json;
        this.meters = meters;
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, this.config.queueSize())), r -> {
                    Thread t = new Thread(r, "inspection-archive");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        meters.gauge("archive_queue", writer.getQueue(), Collection::size);
        meters.counter("archive_saved");
        for (String reason : new String[] {"disk_full", "not_writable", "exists", "io_error"}) {
            meters.counter("archive_failures", "reason", reason); // at 0 until it happens
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warnf("archive: %d inspections still queued at shutdown", writer.getQueue().size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the configuration says to keep this inspection. */
    public boolean wants(Boolean decision) {
        if (config.dir().isEmpty()) {
            return false;
        }
        // Every inspection counts towards "one in N", kept for another reason or not, so that the sample is
        // the 1st, (N+1)th, ... inspection whatever the failures in between.
        boolean sampled = switch (config.mode()) {
            case ALL -> true;
            case EVERY_N -> sequence.getAndIncrement() % Math.max(1, config.everyN()) == 0;
            case NONE -> false;
        };
        return sampled || (config.alwaysFailed() && Boolean.FALSE.equals(decision));
    }

    /** Queues the entry for writing; returns the record with the file names it will have. */
    public InspectionRecord submit(Entry entry) {
        String id = entry.record().id();
        InspectionRecord named = entry.record().withFiles(id + "." + entry.imageExtension(), id + "_drawn.jpg");
        writer.execute(() -> write(new Entry(named, entry.image(), entry.imageExtension(), entry.drawnJpeg())));
        return named;
    }

    private void write(Entry entry) {
        InspectionRecord record = entry.record();
        String id = record.id();
        List<Path> temps = new ArrayList<>();
        try {
            Path day = config.dir().orElseThrow().resolve(InspectionIds.day(id));
            Files.createDirectories(day);
            Path image = day.resolve(record.imageFile());
            Path drawn = day.resolve(record.drawnFile());
            Path recordFile = day.resolve(id + ".json");
            Path imageTemp = temp(day, temps, entry.image());
            Path drawnTemp = temp(day, temps, entry.drawnJpeg().get());
            Path recordTemp = temp(day, temps, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(record));
            move(imageTemp, image);
            move(drawnTemp, drawn);
            move(recordTemp, recordFile);
            temps.clear();
            meters.counter("archive_saved").increment();
        } catch (IOException | RuntimeException e) {
            String reason = reason(e);
            meters.counter("archive_failures", "reason", reason).increment();
            LOG.errorf("archive: inspection %s not saved (%s): %s", id, reason, e.getMessage());
        } finally {
            for (Path t : temps) {
                try {
                    Files.deleteIfExists(t);
                } catch (IOException ignored) {
                    // best effort: a leftover .tmp file is harmless and ignored by readers
                }
            }
        }
    }

    /**
     * Rewrites the record of an archived inspection (e.g. after an overrule), atomically, on the writer
     * thread: after the inspection's own files, whatever the timing.
     */
    public void rewrite(InspectionRecord record) {
        writer.execute(() -> rewriteNow(record));
    }

    private boolean rewriteNow(InspectionRecord record) {
        Optional<Path> file = recordFile(record.id()).filter(Files::isRegularFile);
        if (file.isEmpty()) {
            return false;
        }
        List<Path> temps = new ArrayList<>();
        try {
            Path temp = temp(file.get().getParent(), temps, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(record));
            Files.move(temp, file.get(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            meters.counter("archive_failures", "reason", reason(e)).increment();
            LOG.errorf("archive: record %s not rewritten: %s", record.id(), e.getMessage());
            try {
                for (Path t : temps) {
                    Files.deleteIfExists(t);
                }
            } catch (IOException ignored) {
                // best effort
            }
            return false;
        }
    }

    public Optional<InspectionRecord> read(String id) {
        Optional<Path> file = recordFile(id).filter(Files::isRegularFile);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.get().toFile(), InspectionRecord.class));
        } catch (IOException e) {
            LOG.warnf("archive: record %s unreadable: %s", file.get(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The bytes of an archived file of this inspection (its image or drawn image), if present. */
    public Optional<byte[]> readFile(String id, String fileName) {
        if (config.dir().isEmpty() || fileName == null || !fileName.startsWith(id)) {
            return Optional.empty();
        }
        Path file = config.dir().get().resolve(InspectionIds.day(id)).resolve(fileName);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The most recent archived records, newest first, reading day folders backwards until {@code limit}. */
    public List<InspectionRecord> loadRecent(int limit) {
        List<InspectionRecord> out = new ArrayList<>();
        if (config.dir().isEmpty() || !Files.isDirectory(config.dir().get())) {
            return out;
        }
        try (Stream<Path> days = Files.list(config.dir().get())) {
            for (Path day : days.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                List<Path> records = new ArrayList<>();
                try (DirectoryStream<Path> files = Files.newDirectoryStream(day, "*.json")) {
                    files.forEach(records::add);
                }
                records.sort(Comparator.reverseOrder());
                for (Path r : records) {
                    if (out.size() >= limit) {
                        return out;
                    }
                    try {
                        out.add(json.readValue(r.toFile(), InspectionRecord.class));
                    } catch (IOException e) {
                        LOG.warnf("archive: record %s unreadable: %s", r, e.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            LOG.warnf("archive: cannot read %s: %s", config.dir().get(), e.getMessage());
        }
        return out;
    }

    /** Waits until everything queued so far is written (for shutdown and tests). */
    public void flush() {
        try {
            writer.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warnf("archive: flush did not complete: %s", e.getMessage());
        }
    }

    private Optional<Path> recordFile(String id) {
        return config.dir().map(d -> d.resolve(InspectionIds.day(id)).resolve(id + ".json"));
    }

    private static Path temp(Path dir, List<Path> temps, byte[] bytes) throws IOException {
        Path t = Files.createTempFile(dir, ".write-", ".tmp");
        temps.add(t);
        Files.write(t, bytes);
        return t;
    }

    private static void move(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            throw new FileAlreadyExistsException(to.toString());
        }
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static String reason(Throwable e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("no space") || m.contains("disk full")) {
            return "disk_full";
        }
        if (e instanceof AccessDeniedException || m.contains("read-only") || m.contains("permission")
                || m.contains("not a directory")) {
            return "not_writable";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "exists";
        }
        return "io_error";
    }
}
