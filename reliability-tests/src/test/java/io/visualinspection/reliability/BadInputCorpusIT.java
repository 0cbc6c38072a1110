package io.visualinspection.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hostile input for every endpoint of every service ({@code corpus/cases.txt}), malformed pattern files dropped
 * into the backend's patterns folder and broken model folders into inference's models folder. Every request
 * must get its 4xx with a message that says what is wrong, never a 5xx; every broken file must be reported
 * while the good pattern and model keep serving; the services must stay ready with their memory in bounds.
 * Counts per service go to {@code target/reliability/corpus-report.json}.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusIT {

    private static final Lab LAB = Lab.get();
    private static final String NONCE = Lab.token("n");
    private static final Map<String, int[]> COUNTS = new LinkedHashMap<>();
    private static final List<String> FAILURES = new ArrayList<>();
    private static final Map<String, Metrics> BEFORE = new LinkedHashMap<>();
    private static Map<String, Object> memoryReport = Map.of();

    @BeforeAll
    static void baseline() {
        for (String service : List.of("camera", "inference", "backend")) {
            BEFORE.put(service, Metrics.scrape(LAB.urlOf(service), Lab.tokenOf(service)));
        }
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyCaseIsAClean4xx() {
        return Corpus.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }

    private static void run(Corpus.Case c) {
        String path = c.path().replace("{absent-id}", Lab.ABSENT_ID).replace("{long-query}", "q=" + "a".repeat(70_000));
        Corpus.Body body = Corpus.body(c.body().replace("{nonce}", NONCE));
        Http.Request request = Http.request(c.method(), LAB.urlOf(c.service()) + path)
                .token(Lab.tokenOf(c.service())).timeout(Duration.ofSeconds(30));
        if (body.bytes() != null) {
            request.body(body.contentType(), body.bytes());
        }
        Http.Reply r;
        try (HttpClient client = Http.newClient()) {
            r = request.send(client); // hostile requests may end their connection; none is shared with the next
        }
        String problem = problem(c, r);
        synchronized (COUNTS) {
            int[] n = COUNTS.computeIfAbsent(c.service(), s -> new int[2]);
            n[0]++;
            if (problem == null) {
                n[1]++;
            } else {
                FAILURES.add(c.name() + ": " + problem);
            }
        }
        assertThat(problem).as(c.name()).isNull();
    }

    /** Why the answer is not acceptable, or null. */
    static String problem(Corpus.Case c, Http.Reply r) {
        if (r.status() == -1) {
            return "no answer: " + r.error();
        }
        if (r.status() >= 500) {
            return "a server error: " + r;
        }
        if (!c.expects(r.status())) {
            return "expected " + c.expected() + ", got " + r;
        }
        boolean httpLayerLimit = r.status() == 414 || r.status() == 431;
        if (httpLayerLimit && r.body().length == 0) {
            return null; // refused by the HTTP codec before any handler: the status line is the message
        }
        if (c.method().equals("HEAD")) {
            return null; // an answer to HEAD has no body by definition
        }
        String message = r.message();
        if (message == null || message.isBlank()) {
            return "no JSON message: " + r;
        }
        if (!c.fragment().equals("-")
                && !message.toLowerCase(Locale.ROOT).contains(c.fragment().toLowerCase(Locale.ROOT))) {
            return "message does not mention '" + c.fragment() + "': " + message;
        }
        return null;
    }

    @Test
    @Order(2)
    void malformedPatternFilesAreReportedWhileTheGoodOneServes() throws Exception {
        Path source = resourceDir("patterns");
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.sorted().toList()) {
                Files.copy(f, LAB.patterns.resolve(f.getFileName()));
                names.add(f.getFileName().toString());
            }
        }
        // Large: a 5 MB pattern file.
        StringBuilder huge = new StringBuilder("cat-centred:\n  - class_id: 15\n    inner: [");
        while (huge.length() < 5_000_000) {
            huge.append("0.1, ");
        }
        Files.writeString(LAB.patterns.resolve("huge.yaml"), huge.append("0.1]\n"), StandardCharsets.UTF_8);
        names.add("huge.yaml");
        try {
            JsonNode listed = awaitPatterns(n -> n.get("errors").size() >= names.size());
            for (String name : names) {
                JsonNode error = listed.get("errors").get(name);
                boolean ok = error != null && !error.asText().isBlank();
                count("backend (patterns folder)", ok, name + ": " + (ok ? "" : "not reported in GET /patterns"));
            }
            assertThat(listed.get("patterns").findValuesAsText("key")).containsExactly("demo-cat");
            Http.Reply check = Http.request("POST", LAB.backendUrl() + "/check-pattern").token(Lab.BACKEND_TOKEN)
                    .json("{\"coordinates\": [[0.1, 0.1, 0.9, 0.9]], \"class_ids\": [15], \"pattern_key\": "
                            + "\"demo-cat\"}").send();
            assertThat(check.status()).as(check.toString()).isEqualTo(200);
            assertThat(check.json().get("decision").asBoolean()).isTrue();
            assertThat(names).allSatisfy(n -> assertThat(listed.get("errors").has(n)).as(n).isTrue());
        } finally {
            for (String name : names) {
                Files.deleteIfExists(LAB.patterns.resolve(name));
            }
        }
        JsonNode clean = awaitPatterns(n -> n.get("errors").isEmpty());
        assertThat(clean.get("errors").size()).isZero();
    }

    private static JsonNode awaitPatterns(Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Http.Reply r = Http.get(LAB.backendUrl() + "/patterns").token(Lab.BACKEND_TOKEN).send();
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            last = r.json();
            if (done.test(last)) {
                return last;
            }
            Lab.sleep(200);
        }
        return last;
    }

    @Test
    @Order(3)
    void brokenModelFoldersAreRejectedWhileTheGoodModelServes() throws Exception {
        Path source = resourceDir("models");
        Map<String, String> expected = new LinkedHashMap<>();
        try (Stream<Path> dirs = Files.list(source)) {
            for (Path dir : dirs.sorted().toList()) {
                Path target = Files.createDirectories(LAB.models.resolve(dir.getFileName().toString()));
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        String name = f.getFileName().toString();
                        if (name.equals("expect.txt")) {
                            expected.put(dir.getFileName().toString(), Files.readString(f).strip());
                        } else if (name.endsWith(".gen")) {
                            int size = Integer.parseInt(Files.readString(f).strip().split(" ")[1]);
                            Files.write(target.resolve(name.substring(0, name.length() - 4)), Corpus.random(size));
                        } else {
                            Files.copy(f, target.resolve(name));
                        }
                    }
                }
            }
        }
        try {
            Http.Reply reload = Http.request("POST", LAB.inferenceUrl() + "/models/reload").token(Lab.INFERENCE_TOKEN)
                    .timeout(Duration.ofSeconds(60)).send();
            assertThat(reload.status()).as(reload.toString()).isEqualTo(200);
            Http.Reply ready = Http.get(LAB.inferenceUrl() + "/q/health/ready").send();
            assertThat(ready.status()).as("still ready: " + ready).isEqualTo(200);
            JsonNode data = ready.json().get("checks").get(0).get("data");
            for (Map.Entry<String, String> e : expected.entrySet()) {
                JsonNode reason = data.get("rejected " + e.getKey());
                boolean ok = reason != null && reason.asText().contains(e.getValue());
                count("inference (models folder)", ok, e.getKey() + ": "
                        + (ok ? "" : "expected 'rejected " + e.getKey() + "' mentioning '" + e.getValue() + "', got "
                        + reason));
                assertThat(ok).as(e.getKey() + " rejected with a reason mentioning '" + e.getValue() + "': " + reason)
                        .isTrue();
            }
            Http.Reply models = Http.get(LAB.inferenceUrl() + "/models").token(Lab.INFERENCE_TOKEN).send();
            List<String> served = new ArrayList<>();
            models.json().forEach(m -> served.add(m.get("name").asText()));
            assertThat(served).containsExactly(Lab.MODEL);
            Http.Reply detect = Http.request("POST", LAB.inferenceUrl() + "/inference").token(Lab.INFERENCE_TOKEN)
                    .multipart(new Http.Multipart().file("image", "c.png", "image/png",
                            Corpus.sample("chelsea.png"))).send();
            assertThat(detect.status()).as(detect.toString()).isEqualTo(200);
            assertThat(detect.json().get("class_names").toString()).contains("cat");
        } finally {
            for (String name : expected.keySet()) {
                Lab.deleteTree(LAB.models.resolve(name));
            }
            Http.request("POST", LAB.inferenceUrl() + "/models/reload").token(Lab.INFERENCE_TOKEN).send();
        }
        Http.Reply ready = Http.get(LAB.inferenceUrl() + "/q/health/ready").send();
        assertThat(ready.text()).doesNotContain("rejected");
    }

    @Test
    @Order(4)
    void everyServiceIsStillReadyWithItsMemoryInBounds() throws IOException {
        Http.request("DELETE", LAB.cameraUrl() + "/admin/faults").token(Lab.CAMERA_TOKEN).send();
        Map<String, Object> memory = new LinkedHashMap<>();
        for (String service : List.of("camera", "inference", "backend")) {
            Http.Reply ready = Http.get(LAB.urlOf(service) + "/q/health/ready").send();
            assertThat(ready.status()).as(service + " ready after the corpus: " + ready).isEqualTo(200);
            Metrics after = Metrics.scrape(LAB.urlOf(service), Lab.tokenOf(service));
            Metrics before = BEFORE.get(service);
            memory.put(service, Map.of("before", before.summary(), "after", after.summary()));
            assertThat(after.heapUsed()).as(service + " heap").isLessThan(0.9 * after.heapMax());
            assertThat(after.residentBytes()).as(service + " RSS").isLessThan(before.residentBytes() + 600e6);
        }
        for (Path log : LAB.logs()) {
            assertThat(Files.readString(log)).as(log.toString()).doesNotContain("OutOfMemoryError");
        }
        // A file name is never a path: nothing was written where the traversal pointed.
        assertThat(Path.of("/tmp/corpus-" + NONCE + ".png")).doesNotExist();
        try (Stream<Path> all = Files.walk(LAB.dir)) {
            assertThat(all.filter(p -> p.getFileName().toString().contains(NONCE)).toList()).isEmpty();
        }
        memoryReport = memory;
    }

    @AfterAll
    static void report() {
        Map<String, Object> services = new LinkedHashMap<>();
        int tried = 0;
        int passed = 0;
        synchronized (COUNTS) {
            for (Map.Entry<String, int[]> e : COUNTS.entrySet()) {
                services.put(e.getKey(), Map.of("tried", e.getValue()[0], "passed", e.getValue()[1]));
                tried += e.getValue()[0];
                passed += e.getValue()[1];
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("services", services);
        report.put("total", Map.of("tried", tried, "passed", passed));
        report.put("failures", FAILURES);
        report.put("memory", memoryReport);
        Report.write("corpus-report", report);
    }

    private static void count(String service, boolean ok, String what) {
        synchronized (COUNTS) {
            int[] n = COUNTS.computeIfAbsent(service, s -> new int[2]);
            n[0]++;
            if (ok) {
                n[1]++;
            } else {
                FAILURES.add(service + " " + what);
            }
        }
    }

    private static Path resourceDir(String name) throws URISyntaxException {
        return Path.of(BadInputCorpusIT.class.getResource("/corpus/" + name).toURI());
    }
}
