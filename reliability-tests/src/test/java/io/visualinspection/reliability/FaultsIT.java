package io.visualinspection.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.visualinspection.model.testing.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Upstream faults as a line sees them: the camera slow, hung, failing, disconnected or sending corrupt bytes
 * (through the emulator's fault injection); inference slow, refusing the backend's token, overloaded, failing or
 * answering garbage (a stand-in server); the real inference killed while inspections run and started again. Each
 * fault is answered with its 502/503/504 naming the upstream within the configured timeout plus a small margin;
 * readiness says which upstream is down; inspections recover by themselves; no threads or connections are left
 * behind.
 */
@Order(5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    /** How much later than its timeout a fault may be answered. */
    static final long MARGIN_MS = 1500;

    private static final Lab LAB = Lab.get();
    private static final Map<String, Object> REPORT = new LinkedHashMap<>();

    static Http.Reply trigger() {
        return Http.get(LAB.backendUrl() + "/main/with-camera?return_options=1").token(Lab.BACKEND_TOKEN).send();
    }

    static Http.Reply upload(String backendUrl) {
        return Http.request("POST", backendUrl + "/main").token(Lab.BACKEND_TOKEN)
                .multipart(new Http.Multipart().file("image", "c.png", "image/png", Corpus.sample("chelsea.png"))
                        .field("return_options", "1")).send();
    }

    static void cameraFaults(String json) {
        Http.Reply r = Http.request("PUT", LAB.cameraUrl() + "/admin/faults").token(Lab.CAMERA_TOKEN).json(json)
                .send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    static void resetCamera() {
        Http.request("DELETE", LAB.cameraUrl() + "/admin/faults").token(Lab.CAMERA_TOKEN).send();
    }

    static Http.Reply backendReadiness(String url) {
        return Http.get(url + "/q/health/ready").timeout(Duration.ofSeconds(10)).send();
    }

    /** A fault, what the line must get for it, and within how long. */
    record Expected(String fault, int status, String upstream, String fragment, long withinMs) {
    }

    private static void check(Expected e, Http.Reply r, List<String> problems) {
        if (r.status() != e.status() || !e.upstream().equals(r.upstream()) || r.message() == null
                || !r.message().contains(e.fragment()) || r.millis() > e.withinMs()) {
            problems.add(e.fault() + ": expected " + e.status() + " naming " + e.upstream() + " ('" + e.fragment()
                    + "') within " + e.withinMs() + " ms, got " + r);
        }
        if (r.status() == 503 && r.header("Retry-After") == null) {
            problems.add(e.fault() + ": 503 without Retry-After");
        }
    }

    @Test
    @Order(1)
    void cameraFaultsAreAnsweredNamingTheCameraWithinItsTimeout() {
        resetCamera();
        assertThat(trigger().status()).isEqualTo(200);
        Metrics before = Metrics.scrape(LAB.backendUrl(), Lab.BACKEND_TOKEN);
        long timeout = Lab.CAMERA_TIMEOUT_MS + MARGIN_MS;
        Map<String, Expected> faults = new LinkedHashMap<>();
        faults.put("{\"latency_ms\": 6000}", new Expected("camera slow", 504, "camera", "camera", timeout));
        faults.put("{\"latency_ms\": 1500, \"jitter_ms\": 3000, \"seed\": 7}",
                new Expected("camera slow and jittery", 504, "camera", "camera", timeout));
        faults.put("{\"hang\": true}", new Expected("camera hung", 504, "camera", "did not answer in time", timeout));
        faults.put("{\"failure_rate\": 1.0}", new Expected("camera failing", 502, "camera", "failed to grab", timeout));
        faults.put("{\"disconnected\": true}", new Expected("camera disconnected", 503, "camera", "disconnected",
                timeout));
        faults.put("{\"corrupt_image\": true}", new Expected("camera sending corrupt bytes", 502, "camera",
                "cannot be inspected", timeout + Lab.INFERENCE_TIMEOUT_MS));
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> survived = new ArrayList<>();
        for (Map.Entry<String, Expected> f : faults.entrySet()) {
            cameraFaults(f.getKey());
            List<Http.Reply> replies = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Http.Reply r = trigger();
                replies.add(r);
                check(f.getValue(), r, problems);
            }
            if (f.getValue().status() == 503) {
                Http.Reply ready = backendReadiness(LAB.backendUrl());
                if (ready.status() != 503 || !ready.text().contains("\"camera\"")) {
                    problems.add("readiness with the camera disconnected: " + ready);
                }
            }
            resetCamera();
            Http.Reply recovered = trigger();
            if (recovered.status() != 200) {
                problems.add(f.getValue().fault() + ": no recovery after the fault was reset: " + recovered);
            }
            survived.add(Map.of("fault", f.getValue().fault(), "statuses", replies.stream().map(Http.Reply::status)
                    .toList(), "slowest ms", replies.stream().mapToLong(Http.Reply::millis).max().orElse(0),
                    "recovered", recovered.status() == 200));
        }
        REPORT.put("camera faults", survived);
        assertThat(problems).isEmpty();

        Http.Reply cameras = Http.get(LAB.cameraUrl() + "/cameras").token(Lab.CAMERA_TOKEN).send();
        assertThat(cameras.json().get(0).get("hung_requests").asInt()).as("hung requests released").isZero();
        assertThat(backendReadiness(LAB.backendUrl()).status()).isEqualTo(200);
        Lab.sleep(1000);
        Metrics after = Metrics.scrape(LAB.backendUrl(), Lab.BACKEND_TOKEN);
        REPORT.put("backend around camera faults", Map.of("before", before.summary(), "after", after.summary()));
        assertThat(after.threads()).as("backend threads").isLessThanOrEqualTo(before.threads() + 6);
        assertThat(after.openFiles()).as("backend open files").isLessThanOrEqualTo(before.openFiles() + 8);
    }

    @Test
    @Order(2)
    void inferenceSlowRefusingOrBrokenIsAnsweredNamingInference() {
        try (FakeInference fake = new FakeInference()) {
            ServiceProcess backend = LAB.startBackend(fake.url(),
                    Map.of("backend.archive.dir", LAB.dir.resolve("archive-fake").toString()));
            try {
                Http.Reply ok = upload(backend.url());
                assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
                assertThat(fake.lastAuthorization).as("the backend presents inference's token")
                        .isEqualTo("Bearer " + Lab.INFERENCE_TOKEN);
                long timeout = Lab.INFERENCE_TIMEOUT_MS + MARGIN_MS;
                Map<FakeInference.Behaviour, Expected> faults = new LinkedHashMap<>();
                faults.put(FakeInference.Behaviour.SLOW, new Expected("inference slow", 504, "inference",
                        "did not answer in time", timeout));
                faults.put(FakeInference.Behaviour.UNAUTHORIZED, new Expected("inference refusing the backend (401)",
                        502, "inference", "backend.inference.token", timeout));
                faults.put(FakeInference.Behaviour.FORBIDDEN, new Expected("inference refusing the backend's token",
                        502, "inference", "backend.inference.token", timeout));
                faults.put(FakeInference.Behaviour.OVERLOADED, new Expected("inference overloaded", 503, "inference",
                        "queue is full", timeout));
                faults.put(FakeInference.Behaviour.FAILING, new Expected("inference failing", 502, "inference",
                        "HTTP 500", timeout));
                faults.put(FakeInference.Behaviour.GARBAGE, new Expected("inference answering broken JSON", 502,
                        "inference", "inference", timeout));
                faults.put(FakeInference.Behaviour.HANG_UP, new Expected("inference hanging up", 502, "inference",
                        "inference", timeout));
                List<String> problems = new ArrayList<>();
                List<Map<String, Object>> survived = new ArrayList<>();
                Metrics afterFirstSlow = null;
                for (Map.Entry<FakeInference.Behaviour, Expected> f : faults.entrySet()) {
                    fake.behaviour = f.getKey();
                    List<Http.Reply> replies = new ArrayList<>();
                    for (int i = 0; i < (f.getKey() == FakeInference.Behaviour.SLOW ? 3 : 2); i++) {
                        Http.Reply r = upload(backend.url());
                        replies.add(r);
                        check(f.getValue(), r, problems);
                        if (afterFirstSlow == null) {
                            afterFirstSlow = Metrics.scrape(backend.url(), Lab.BACKEND_TOKEN);
                        }
                    }
                    survived.add(Map.of("fault", f.getValue().fault(), "statuses", replies.stream()
                            .map(Http.Reply::status).toList(), "slowest ms", replies.stream()
                            .mapToLong(Http.Reply::millis).max().orElse(0)));
                }
                fake.behaviour = FakeInference.Behaviour.OK;
                Http.Reply recovered = upload(backend.url());
                REPORT.put("inference faults (stand-in server)", survived);
                assertThat(problems).isEmpty();
                assertThat(recovered.status()).as("recovered: " + recovered).isEqualTo(200);
                Lab.sleep(1000);
                Metrics end = Metrics.scrape(backend.url(), Lab.BACKEND_TOKEN);
                REPORT.put("backend around inference faults", Map.of("after the first", afterFirstSlow.summary(),
                        "after all", end.summary()));
                assertThat(end.threads()).as("threads").isLessThanOrEqualTo(afterFirstSlow.threads() + 6);
                assertThat(end.openFiles()).as("open files").isLessThanOrEqualTo(afterFirstSlow.openFiles() + 8);
            } finally {
                backend.close();
            }
        }
    }

    /** What one client got, and when it asked. */
    record Timed(long startMs, Http.Reply reply) {
    }

    @Test
    @Order(3)
    void inferenceKilledAndRestartedWhileInspectionsRun() throws Exception {
        Metrics before = Metrics.scrape(LAB.backendUrl(), Lab.BACKEND_TOKEN);
        long t0 = System.nanoTime();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<Future<List<Timed>>> futures = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            int client = c;
            futures.add(clients.submit(() -> {
                List<Timed> got = new ArrayList<>();
                int i = 0;
                while (running.get()) {
                    long start = (System.nanoTime() - t0) / 1_000_000;
                    Http.Reply r = (client + i++) % 2 == 0 ? trigger() : upload(LAB.backendUrl());
                    got.add(new Timed(start, r));
                    if (r.status() != 200) {
                        Lab.sleep(250);
                    }
                }
                return got;
            }));
        }
        Lab.sleep(3000);
        long killedAt = (System.nanoTime() - t0) / 1_000_000;
        LAB.stopInference(true);
        Lab.sleep(2000);
        Http.Reply downReadiness = backendReadiness(LAB.backendUrl());
        long restartAt = (System.nanoTime() - t0) / 1_000_000;
        LAB.restartInference();
        long inferenceReadyAt = (System.nanoTime() - t0) / 1_000_000;
        long backendReadyAt = -1;
        for (int i = 0; i < 100 && backendReadyAt < 0; i++) {
            if (backendReadiness(LAB.backendUrl()).status() == 200) {
                backendReadyAt = (System.nanoTime() - t0) / 1_000_000;
            } else {
                Lab.sleep(100);
            }
        }
        Lab.sleep(5000);
        running.set(false);
        List<Timed> all = new ArrayList<>();
        for (Future<List<Timed>> f : futures) {
            all.addAll(f.get());
        }
        clients.shutdown();

        assertThat(downReadiness.status()).as("readiness with inference down: " + downReadiness).isEqualTo(503);
        assertThat(downReadiness.text()).contains("\"inference\"").contains("down");
        assertThat(backendReadyAt).as("the backend's readiness recovers by itself").isPositive();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        long slowestDown = 0;
        for (Timed t : all) {
            Http.Reply r = t.reply();
            byStatus.merge(r.status(), 1, Integer::sum);
            if (r.status() == 200) {
                continue;
            }
            if (!List.of(502, 503, 504).contains(r.status()) || !"inference".equals(r.upstream())) {
                problems.add("at " + t.startMs() + " ms: " + r);
            }
            if (t.startMs() > killedAt + 500 && t.startMs() < restartAt) {
                slowestDown = Math.max(slowestDown, r.millis());
            }
        }
        long finalBackendReadyAt = backendReadyAt;
        List<Timed> afterRecovery = all.stream().filter(t -> t.startMs() > finalBackendReadyAt).toList();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("by status", byStatus);
        report.put("killed at ms", killedAt);
        report.put("slowest answer while down, ms", slowestDown);
        report.put("inference ready again after restart, ms", inferenceReadyAt - restartAt);
        report.put("backend ready after inference, ms", backendReadyAt - inferenceReadyAt);
        report.put("inspections after recovery", afterRecovery.size());
        report.put("of them failed", afterRecovery.stream().filter(t -> t.reply().status() != 200).count());
        REPORT.put("inference killed and restarted under load", report);
        assertThat(problems).as("only 502/503/504 naming inference").isEmpty();
        assertThat(byStatus).as("errors while it was down").containsKey(502);
        assertThat(slowestDown).as("answered at once while inference is down").isLessThan(2000);
        assertThat(afterRecovery).as("inspections after recovery").isNotEmpty()
                .allSatisfy(t -> assertThat(t.reply().status()).as(t.reply().toString()).isEqualTo(200));

        Lab.sleep(1000);
        Metrics after = Metrics.scrape(LAB.backendUrl(), Lab.BACKEND_TOKEN);
        REPORT.put("backend around the restart", Map.of("before", before.summary(), "after", after.summary()));
        assertThat(after.threads()).as("backend threads").isLessThanOrEqualTo(before.threads() + 6);
        assertThat(after.openFiles()).as("backend open files").isLessThanOrEqualTo(before.openFiles() + 8);
    }

    @AfterAll
    static void report() {
        Report.write("faults-report", Collections.unmodifiableMap(REPORT));
    }
}
