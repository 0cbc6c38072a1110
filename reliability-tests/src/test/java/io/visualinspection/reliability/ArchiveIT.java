package io.visualinspection.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The backend's archive under concurrent inspections, and when its folder is unusable, full or read-only: no
 * result is lost or overwritten, every saved record has its images (and every saved image its record), and the
 * line keeps getting its answers while the archive fails, counted in {@code archive_failures_total}.
 */
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArchiveIT {

    private static final Lab LAB = Lab.get();
    private static final Map<String, Object> REPORT = new LinkedHashMap<>();

    /** One inspection through the backend: an upload of a sample image, or a camera trigger. */
    static Http.Reply inspect(int i) {
        if (i % 2 == 0) {
            return Http.get(LAB.backendUrl() + "/main/with-camera?return_options=1").token(Lab.BACKEND_TOKEN).send();
        }
        String image = i % 4 == 1 ? "chelsea.png" : "coffee.png";
        return Http.request("POST", LAB.backendUrl() + "/main").token(Lab.BACKEND_TOKEN)
                .multipart(new Http.Multipart().file("image", image, "image/png", Corpus.sample(image))
                        .field("return_options", "1")).send();
    }

    /** Records, images and leftovers in the archive, by inspection id. */
    record Archive(Map<String, Path> records, Map<String, List<Path>> images, List<Path> temporary) {

        static Archive read(Path dir) throws IOException {
            Map<String, Path> records = new LinkedHashMap<>();
            Map<String, List<Path>> images = new LinkedHashMap<>();
            List<Path> temporary = new ArrayList<>();
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        String name = f.getFileName().toString();
                        if (name.endsWith(".tmp")) {
                            temporary.add(f);
                        } else if (name.endsWith(".json")) {
                            records.put(name.substring(0, name.length() - 5), f);
                        } else {
                            String id = name.replaceAll("(_drawn)?\\.[a-z]+$", "");
                            images.computeIfAbsent(id, k -> new ArrayList<>()).add(f);
                        }
                    }
                }
            }
            return new Archive(records, images, temporary);
        }
    }

    static double archiveFailures(String reason) {
        return Metrics.scrape(LAB.backendUrl(), Lab.BACKEND_TOKEN).sum("archive_failures_total",
                "reason=\"" + reason + "\"");
    }

    /** Waits until the backend's archive queue is empty, so that the files on disk are final. */
    static void awaitArchiveWritten() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (Metrics.scrape(LAB.backendUrl(), Lab.BACKEND_TOKEN).sum("archive_queue") == 0) {
                Lab.sleep(300); // the writer may still hold the last one it took from the queue
                if (Metrics.scrape(LAB.backendUrl(), Lab.BACKEND_TOKEN).sum("archive_queue") == 0) {
                    return;
                }
            }
            Lab.sleep(100);
        }
    }

    @Test
    @Order(1)
    void concurrentInspectionsAreAllArchivedEachWithItsImages() throws Exception {
        awaitArchiveWritten();
        Archive before = Archive.read(LAB.archive);
        // Three clients against capacity for two: the one refused (503) tries again, as a line controller does.
        int clients = 3;
        int each = 5;
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Http.Reply>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                List<Http.Reply> replies = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    Http.Reply r = inspect(client * each + i);
                    for (int attempt = 0; r.status() == 503 && attempt < 30; attempt++) {
                        refused.incrementAndGet();
                        Lab.sleep(200);
                        r = inspect(client * each + i);
                    }
                    replies.add(r);
                }
                return replies;
            }));
        }
        List<Http.Reply> replies = new ArrayList<>();
        for (Future<List<Http.Reply>> f : futures) {
            replies.addAll(f.get());
        }
        pool.shutdown();
        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        List<String> ids = replies.stream().map(r -> r.json().get("inspection_id").asText()).toList();
        assertThat(new HashSet<>(ids)).as("inspection ids are unique").hasSize(ids.size());

        awaitArchiveWritten();
        Archive after = Archive.read(LAB.archive);
        Set<String> added = new HashSet<>(after.records().keySet());
        added.removeAll(before.records().keySet());
        assertThat(added).as("one record per answered inspection, none for a refused one")
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(after.temporary()).as("no half-written files").isEmpty();
        for (String id : ids) {
            JsonNode record = Http.JSON.readTree(after.records().get(id).toFile());
            assertThat(record.toString()).contains(id);
            assertThat(after.images().get(id)).as("images of " + id).hasSize(2)
                    .allSatisfy(f -> assertThat(Files.size(f)).isPositive());
        }
        for (String id : after.images().keySet()) {
            assertThat(after.records()).as("every saved image has its record: " + id).containsKey(id);
        }
        // The history finds every one of them.
        for (String id : ids) {
            Http.Reply r = Http.get(LAB.backendUrl() + "/inspections/" + id).token(Lab.BACKEND_TOKEN).send();
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
        REPORT.put("concurrent", Map.of("clients", clients, "inspections", ids.size(), "refused and retried",
                refused.get(), "records", added.size(),
                "records with both images", ids.stream().filter(id -> after.images().get(id).size() == 2).count()));
    }

    @Test
    @Order(2)
    void anUnusableArchiveFolderNeverFailsAnInspection() throws Exception {
        awaitArchiveWritten();
        Path moved = LAB.archive.resolveSibling("archive.moved");
        Files.move(LAB.archive, moved);
        Files.writeString(LAB.archive, "a file where the archive folder should be");
        double failuresBefore = archiveFailures("not_writable");
        List<Http.Reply> replies = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                replies.add(inspect(i));
            }
            awaitArchiveWritten();
        } finally {
            Files.delete(LAB.archive);
            Files.move(moved, LAB.archive);
        }
        double failures = archiveFailures("not_writable") - failuresBefore;
        assertAnsweredCountedAndResumed(replies, failures);
        REPORT.put("not writable", Map.of("inspections answered", replies.size(), "failures counted", failures,
                "archiving resumed", true));
    }

    @Test
    @Order(4)
    void aReadOnlyArchiveNeverFailsAnInspection() throws Exception {
        awaitArchiveWritten();
        double failuresBefore = archiveFailures("not_writable");
        List<Http.Reply> replies = new ArrayList<>();
        try (TmpfsArchive ignored = new TmpfsArchive("archive-read-only", "ro,size=1m", "a read-only archive")) {
            for (int i = 0; i < 3; i++) {
                replies.add(inspect(i));
            }
            awaitArchiveWritten();
        }
        double failures = archiveFailures("not_writable") - failuresBefore;
        assertAnsweredCountedAndResumed(replies, failures);
        REPORT.put("read-only", Map.of("inspections answered", replies.size(), "failures counted", failures,
                "archiving resumed", true));
    }

    /**
     * Every inspection was answered while the archive could not be written, each counted once as
     * {@code not_writable}, their images still served from memory; and the next inspection is archived again.
     */
    private static void assertAnsweredCountedAndResumed(List<Http.Reply> replies, double failures) throws IOException {
        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        assertThat(failures).as("archive_failures_total{reason=not_writable}").isEqualTo(replies.size());
        for (Http.Reply r : replies) {
            String id = r.json().get("inspection_id").asText();
            Http.Reply found = Http.get(LAB.backendUrl() + "/inspections/" + id + "/image").token(Lab.BACKEND_TOKEN)
                    .send();
            assertThat(found.status()).as(found.toString()).isEqualTo(200);
        }
        Http.Reply next = inspect(1);
        assertThat(next.status()).isEqualTo(200);
        awaitArchiveWritten();
        assertThat(Archive.read(LAB.archive).records()).containsKey(next.json().get("inspection_id").asText());
    }

    /**
     * The archive folder replaced, for one test, by a link to a tmpfs mounted beside it with these options; closing
     * puts the folder back and unmounts. The test is skipped where mount is not permitted.
     */
    private static final class TmpfsArchive implements AutoCloseable {
        final Path mount;
        private final Path moved = LAB.archive.resolveSibling("archive.moved");

        TmpfsArchive(String name, String options, String what) throws IOException, InterruptedException {
            mount = LAB.archive.resolveSibling(name);
            Files.createDirectories(mount);
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", mount.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            boolean mounted = p.waitFor() == 0;
            Assumptions.assumeTrue(mounted, () -> {
                System.out.println("SKIPPED: " + what + " needs a tmpfs; mount is not permitted here: " + out);
                return "mount not permitted: " + out;
            });
            try {
                Files.move(LAB.archive, moved);
                Files.createSymbolicLink(LAB.archive, mount);
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        @Override
        public void close() throws IOException, InterruptedException {
            if (Files.isSymbolicLink(LAB.archive)) {
                Files.delete(LAB.archive);
            }
            if (Files.exists(moved)) {
                Files.move(moved, LAB.archive);
            }
            new ProcessBuilder("umount", mount.toString()).start().waitFor();
        }
    }

    @Test
    @Order(3)
    void aFullDiskNeverFailsAnInspectionNorLeavesHalfARecord() throws Exception {
        awaitArchiveWritten();
        List<Http.Reply> replies = new ArrayList<>();
        double failuresBefore = archiveFailures("disk_full");
        Archive full;
        try (TmpfsArchive archive = new TmpfsArchive("archive-full", "size=600k", "a full disk")) {
            for (int i = 0; i < 8; i++) {
                replies.add(inspect(1 + 2 * (i % 2))); // uploads: chelsea (PNG, 200 KB) and coffee (PNG, 450 KB)
            }
            awaitArchiveWritten();
            full = Archive.read(archive.mount);
        }
        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        double failures = archiveFailures("disk_full") - failuresBefore;
        assertThat(failures).as("archive_failures_total{reason=disk_full}").isPositive();
        assertThat(full.records().size() + failures).as("each inspection saved or counted").isEqualTo(replies.size());
        assertThat(full.temporary()).as("no half-written files").isEmpty();
        for (String id : full.records().keySet()) {
            assertThat(full.images().get(id)).as("images of " + id).hasSize(2);
        }
        assertThat(full.records().keySet()).containsAll(full.images().keySet());
        REPORT.put("disk full", Map.of("inspections answered", replies.size(), "saved whole",
                full.records().size(), "failures counted", failures));
    }

    @AfterAll
    static void report() {
        Report.write("archive-report", Collections.unmodifiableMap(REPORT));
    }
}
