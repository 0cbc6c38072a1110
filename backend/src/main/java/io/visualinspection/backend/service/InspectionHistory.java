package io.visualinspection.backend.service;

import io.quarkus.runtime.StartupEvent;
import io.visualinspection.backend.config.BackendConfig;
import io.visualinspection.model.InspectionRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The recent inspections in memory, newest first, for {@code GET /inspections}; filled from the archive at
 * start. The images of the newest few are kept too, for inspections that were not archived.
 */
@ApplicationScoped
public class InspectionHistory {

    /** An inspection's images held in memory; the drawn one is made on first use. */
    public record Images(byte[] image, String mediaType, Supplier<byte[]> drawnJpeg) {
    }

    /** One page of records and how many match in all. */
    public record Page(int total, List<InspectionRecord> items) {
    }

    private final BackendConfig.History config;
    private final InspectionArchive archive;
    private final Deque<InspectionRecord> records = new ConcurrentLinkedDeque<>();
    private final Map<String, Images> images;

    InspectionHistory(BackendConfig config, InspectionArchive archive) {
        this.config = config.history();
        this.archive = archive;
        int keep = Math.max(0, this.config.imagesInMemory());
        this.images = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Images> eldest) {
                return size() > keep;
            }
        });
    }

    void onStart(@Observes StartupEvent event) {
        List<InspectionRecord> recent = archive.loadRecent(config.size());
        for (int i = recent.size() - 1; i >= 0; i--) {
            records.addFirst(recent.get(i));
        }
    }

    public synchronized void add(InspectionRecord record, Images inspectionImages) {
        records.addFirst(record);
        while (records.size() > config.size()) {
            records.pollLast();
        }
        if (inspectionImages != null) {
            images.put(record.id(), inspectionImages);
        }
    }

    /** A page of the newest records matching {@code filter}. */
    public Page page(Predicate<InspectionRecord> filter, int offset, int limit) {
        List<InspectionRecord> matching = new ArrayList<>();
        for (InspectionRecord r : records) {
            if (filter.test(r)) {
                matching.add(r);
            }
        }
        int from = Math.min(offset, matching.size());
        int to = Math.min(matching.size(), from + limit);
        return new Page(matching.size(), List.copyOf(matching.subList(from, to)));
    }

    /** The record of an id: in memory, else in the archive. */
    public Optional<InspectionRecord> find(String id) {
        for (InspectionRecord r : records) {
            if (r.id().equals(id)) {
                return Optional.of(r);
            }
        }
        return archive.read(id);
    }

    public Optional<Images> images(String id) {
        return Optional.ofNullable(images.get(id));
    }

    /**
     * Records an operator's verdict with the inspection, in memory and in its archived record.
     *
     * @return the updated record, or empty when the id is unknown
     */
    public Optional<InspectionRecord> overrule(String id, InspectionRecord.Overrule overrule) {
        Optional<InspectionRecord> found = find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        InspectionRecord updated = found.get().withOverrule(overrule);
        replace(updated);
        if (updated.imageFile() != null) {
            archive.rewrite(updated);
        }
        return Optional.of(updated);
    }

    /** Replaces the record in memory (same id), e.g. after an overrule. */
    public synchronized void replace(InspectionRecord updated) {
        List<InspectionRecord> rebuilt = new ArrayList<>(records);
        rebuilt.replaceAll(r -> r.id().equals(updated.id()) ? updated : r);
        records.clear();
        records.addAll(rebuilt);
    }
}
