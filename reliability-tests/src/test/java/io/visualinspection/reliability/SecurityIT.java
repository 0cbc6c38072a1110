package io.visualinspection.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.visualinspection.model.testing.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The security settings a plant relies on (docs/security.md): every API of every service needs the token when
 * authentication is on (401 without, 403 with a wrong one), operations endpoints are open unless protected,
 * tokens never reach a log, no CORS, request size limits, the operator UI offers no way to the camera's
 * fault injection, and the images run as an unprivileged user.
 */
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

    private static final Lab LAB = Lab.get();
    static final String WRONG_TOKEN = Lab.token("wrong");
    static final String BASIC_CREDENTIALS = "dXNlcjpwYXNzd29yZA==";
    private static final byte[] CAT = Corpus.sample("chelsea.png");
    private static final Map<String, Object> REPORT = new LinkedHashMap<>();

    private static CompletableFuture<ServiceProcess> protectedCamera;
    private static CompletableFuture<ServiceProcess> frontend;

    /** One API call with a body that the service accepts when the token is right. */
    record Endpoint(String service, String method, String template, String path, String contentType, byte[] body) {

        String key() {
            return method + " " + template;
        }
    }

    @BeforeAll
    static void startExtras() {
        protectedCamera = CompletableFuture.supplyAsync(() -> {
            ServiceProcess s = LAB.startCamera(Map.of("api.auth.protect-operations", "true"));
            return Lab.awaitReady(s, s.url(), Lab.CAMERA_TOKEN, Duration.ofSeconds(90));
        });
        if (Files.isRegularFile(Path.of("..", "frontend", "target", "quarkus-app", "quarkus-run.jar"))) {
            frontend = CompletableFuture.supplyAsync(() -> {
                ServiceProcess s = ServiceProcess.start("frontend", Map.of(
                        "quarkus.rest-client.backend.url", LAB.backendUrl(),
                        "quarkus.rest-client.camera.url", LAB.cameraUrl(),
                        "quarkus.rest-client.inference.url", LAB.inferenceUrl(),
                        "ui.backend-token", Lab.BACKEND_TOKEN));
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (System.nanoTime() < deadline && s.process().isAlive()) {
                    if (Http.get(s.url() + "/q/health/live").timeout(Duration.ofSeconds(3)).send().status() == 200) {
                        return s;
                    }
                    Lab.sleep(300);
                }
                throw new IllegalStateException("frontend did not start:\n" + s.tail());
            });
        }
    }

    @AfterAll
    static void stopExtras() {
        for (CompletableFuture<ServiceProcess> f : Arrays.asList(protectedCamera, frontend)) {
            if (f != null) {
                try {
                    f.join().close();
                } catch (RuntimeException e) {
                    // it did not start; the test that needed it said so
                }
            }
        }
        Report.write("security-report", REPORT);
    }

    static List<Endpoint> endpoints() {
        String id = Lab.ABSENT_ID;
        Http.Multipart cat = new Http.Multipart().file("image", "c.png", "image/png", CAT).field("return_options", "1");
        byte[] form = cat.bytes();
        String mp = cat.contentType();
        String json = "application/json";
        byte[] none = null;
        byte[] empty = "{}".getBytes();
        List<Endpoint> list = new ArrayList<>();
        for (String[] e : new String[][] {
            {"GET", "/basler/take-photo", "/basler/take-photo"},
            {"GET", "/basler/get-camera-info", "/basler/get-camera-info"},
            {"GET", "/basler/close", "/basler/close"},
            {"GET", "/test/image", "/test/image"},
            {"GET", "/cameras", "/cameras"},
            {"GET", "/admin/faults", "/admin/faults"},
            {"DELETE", "/admin/faults", "/admin/faults"},
            {"GET", "/admin/faults/{camera}", "/admin/faults/" + Lab.CAMERA_SERIAL},
            {"DELETE", "/admin/faults/{camera}", "/admin/faults/" + Lab.CAMERA_SERIAL},
        }) {
            list.add(new Endpoint("camera", e[0], e[1], e[2], null, none));
        }
        for (String[] e : new String[][] {
            {"PUT", "/admin/faults", "/admin/faults"},
            {"POST", "/admin/faults", "/admin/faults"},
            {"PUT", "/admin/faults/{camera}", "/admin/faults/" + Lab.CAMERA_SERIAL},
            {"POST", "/admin/faults/{camera}", "/admin/faults/" + Lab.CAMERA_SERIAL},
        }) {
            list.add(new Endpoint("camera", e[0], e[1], e[2], json, empty));
        }
        list.add(new Endpoint("inference", "POST", "/inference", "/inference", mp, form));
        list.add(new Endpoint("inference", "GET", "/models", "/models", null, none));
        list.add(new Endpoint("inference", "POST", "/models/reload", "/models/reload", null, none));
        list.add(new Endpoint("inference", "POST", "/models/{name}/detect", "/models/" + Lab.MODEL + "/detect", mp,
                new Http.Multipart().file("image", "c.png", "image/png", CAT).bytes()));
        list.add(new Endpoint("backend", "GET", "/main/with-camera", "/main/with-camera?return_options=1", null, none));
        list.add(new Endpoint("backend", "POST", "/main", "/main", mp, form));
        list.add(new Endpoint("backend", "GET", "/main", "/main", mp, form));
        list.add(new Endpoint("backend", "POST", "/check-pattern", "/check-pattern", json,
                "{\"coordinates\": [[0.1, 0.1, 0.9, 0.9]], \"class_ids\": [15], \"pattern_key\": \"demo-cat\"}"
                        .getBytes()));
        list.add(new Endpoint("backend", "GET", "/patterns", "/patterns", null, none));
        list.add(new Endpoint("backend", "GET", "/image-raw", "/image-raw", null, none));
        list.add(new Endpoint("backend", "GET", "/image-draw", "/image-draw", null, none));
        list.add(new Endpoint("backend", "GET", "/inspections", "/inspections", null, none));
        list.add(new Endpoint("backend", "GET", "/inspections/{id}", "/inspections/" + id, null, none));
        list.add(new Endpoint("backend", "GET", "/inspections/{id}/image", "/inspections/" + id + "/image", null,
                none));
        list.add(new Endpoint("backend", "GET", "/inspections/{id}/image-drawn",
                "/inspections/" + id + "/image-drawn", null, none));
        list.add(new Endpoint("backend", "POST", "/inspections/{id}/overrule", "/inspections/" + id + "/overrule",
                json, "{\"verdict\": true}".getBytes()));
        return list;
    }

    private static Http.Reply call(Endpoint e, String authorization) {
        Http.Request r = Http.request(e.method(), LAB.urlOf(e.service()) + e.path())
                .timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        if (e.body() != null) {
            r.body(e.contentType(), e.body());
        }
        return r.send();
    }

    @Test
    @Order(1)
    void everyApiEndpointOfEveryServiceIsListedHere() {
        for (String service : List.of("camera", "inference", "backend")) {
            Http.Reply r = Http.get(LAB.urlOf(service) + "/q/openapi?format=json").send();
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            Set<String> documented = new TreeSet<>();
            Iterator<Map.Entry<String, JsonNode>> paths = r.json().get("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> p = paths.next();
                p.getValue().fieldNames().forEachRemaining(m -> {
                    if (Set.of("get", "put", "post", "delete", "patch").contains(m)) {
                        documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey());
                    }
                });
            }
            Set<String> tested = new TreeSet<>(endpoints().stream().filter(e -> e.service().equals(service))
                    .map(Endpoint::key).toList());
            assertThat(tested).as(service + ": every documented operation is checked").containsAll(documented);
            REPORT.put(service + " operations", documented.size());
        }
    }

    @Test
    @Order(2)
    void everyApiEndpointNeedsTheToken() {
        int checked = 0;
        List<String> problems = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            String right = Lab.tokenOf(e.service());
            Http.Reply none = call(e, null);
            Http.Reply basic = call(e, "Basic " + BASIC_CREDENTIALS);
            Http.Reply wrong = call(e, "Bearer " + WRONG_TOKEN);
            Http.Reply otherService = call(e, "Bearer " + (right.equals(Lab.BACKEND_TOKEN) ? Lab.CAMERA_TOKEN
                    : Lab.BACKEND_TOKEN));
            Http.Reply ok = call(e, "Bearer " + right);
            String what = e.service() + " " + e.key();
            expect(problems, what + " without a token", none, 401);
            expect(problems, what + " with Basic credentials", basic, 401);
            expect(problems, what + " with a wrong token", wrong, 403);
            expect(problems, what + " with another service's token", otherService, 403);
            if (none.status() == 401 && !"Bearer".equals(none.header("WWW-Authenticate"))) {
                problems.add(what + ": 401 without WWW-Authenticate: Bearer");
            }
            if (ok.status() == 401 || ok.status() == 403 || ok.status() >= 500 || ok.status() == -1) {
                problems.add(what + " with the right token: " + ok);
            }
            checked++;
        }
        REPORT.put("endpoints checked (no token, Basic, wrong, other service's, right)", checked);
        assertThat(problems).isEmpty();
    }

    private static void expect(List<String> problems, String what, Http.Reply r, int status) {
        if (r.status() != status || r.message() == null) {
            problems.add(what + ": expected " + status + " with a message, got " + r);
        }
    }

    @Test
    @Order(3)
    void operationsEndpointsAreOpenUnlessProtected() {
        for (String service : List.of("camera", "inference", "backend")) {
            for (String path : List.of("/q/health/live", "/q/health/ready", "/q/metrics")) {
                Http.Reply r = Http.get(LAB.urlOf(service) + path).send();
                assertThat(r.status()).as(service + path + " open to probes and scrapers: " + r).isEqualTo(200);
            }
        }
        ServiceProcess camera = protectedCamera.join();
        for (String path : List.of("/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi")) {
            Http.Reply none = Http.get(camera.url() + path).send();
            Http.Reply wrong = Http.get(camera.url() + path).token(WRONG_TOKEN).send();
            Http.Reply right = Http.get(camera.url() + path).token(Lab.CAMERA_TOKEN).send();
            assertThat(none.status()).as(path + " protected, no token").isEqualTo(401);
            assertThat(wrong.status()).as(path + " protected, wrong token").isEqualTo(403);
            assertThat(right.status()).as(path + " protected, right token").isEqualTo(200);
        }
        REPORT.put("protect-operations", "health, metrics and OpenAPI need the token");
    }

    @Test
    @Order(4)
    void corsIsOff() {
        for (String service : List.of("camera", "inference", "backend")) {
            String url = LAB.urlOf(service);
            String path = switch (service) {
                case "camera" -> "/basler/get-camera-info";
                case "inference" -> "/models";
                default -> "/patterns";
            };
            Http.Reply preflight = Http.request("OPTIONS", url + path).header("Origin", "http://evil.example")
                    .header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", "authorization").send();
            Http.Reply get = Http.get(url + path).header("Origin", "http://evil.example")
                    .token(Lab.tokenOf(service)).send();
            assertThat(get.status()).isEqualTo(200);
            for (Http.Reply r : List.of(preflight, get)) {
                assertThat(r.header("Access-Control-Allow-Origin")).as(service + " " + r).isNull();
                assertThat(r.header("Access-Control-Allow-Credentials")).as(service + " " + r).isNull();
            }
        }
        REPORT.put("cors", "no Access-Control-Allow-Origin on preflight or request from another origin");
    }

    @Test
    @Order(5)
    void requestSizesAreLimited() {
        byte[] big = Corpus.generate("oversized:21");
        Http.Multipart upload = new Http.Multipart().file("image", "big.png", "image/png", big);
        byte[] form = upload.bytes();
        for (String[] target : new String[][] {{"inference", "/inference"}, {"backend", "/main"}}) {
            Http.Reply r = Http.request("POST", LAB.urlOf(target[0]) + target[1])
                    .token(Lab.tokenOf(target[0])).body(upload.contentType(), form).send();
            assertThat(r.status()).as(target[0] + " 21 MB upload: " + r).isEqualTo(413);
            assertThat(r.message()).as(target[0]).contains("over the limit of 20971520 bytes");
        }
        Http.Reply admin = Http.request("PUT", LAB.cameraUrl() + "/admin/faults").token(Lab.CAMERA_TOKEN)
                .body("application/json", Corpus.generate("oversized:11")).send();
        assertThat(admin.status()).as("camera 11 MB JSON: " + admin).isEqualTo(413);
        assertThat(admin.message()).contains("over the limit of 10485760 bytes");
        REPORT.put("request size limits", "21 MB upload -> 413 (inference, backend); 11 MB JSON -> 413 (camera)");
    }

    @Test
    @Order(6)
    void theOperatorUiOffersNoWayToTheFaultInjection() throws IOException {
        // The UI's own code calls no admin endpoint of any service.
        Path sources = Path.of("..", "frontend", "src", "main", "java");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain("/admin");
            }
        }
        if (frontend == null) {
            System.out.println("SKIPPED: the frontend's UI requests: frontend/target/quarkus-app is not packaged");
            REPORT.put("ui", "sources checked; the packaged UI was not there to ask");
            return;
        }
        ServiceProcess ui = frontend.join();
        List<String> asked = new ArrayList<>();
        for (String path : List.of("/admin/faults", "/admin/faults/" + Lab.CAMERA_SERIAL, "/admin", "/cameras",
                "/basler/take-photo", "/models/reload", "/inference", "/main/with-camera", "/api/admin/faults")) {
            for (String method : List.of("GET", "PUT", "POST", "DELETE")) {
                Http.Reply r = Http.request(method, ui.url() + path).token(Lab.CAMERA_TOKEN)
                        .json("{\"hang\": true, \"disconnected\": true}").send();
                String type = String.valueOf(r.header("Content-Type"));
                boolean passedOn = type.startsWith("application/json") && (r.text().contains("latency_ms")
                        || r.text().contains("hung_requests") || r.text().contains("bboxes")
                        || r.text().contains("serving"));
                assertThat(passedOn).as("UI " + method + " " + path + " passed on: " + r).isFalse();
                asked.add(method + " " + path + " -> " + r.status() + " " + type);
            }
        }
        Http.Reply faults = Http.get(LAB.cameraUrl() + "/admin/faults").token(Lab.CAMERA_TOKEN).send();
        assertThat(faults.json().get(Lab.CAMERA_SERIAL).get("hang").asBoolean()).isFalse();
        assertThat(faults.json().get(Lab.CAMERA_SERIAL).get("disconnected").asBoolean()).isFalse();
        REPORT.put("ui requests (none reached a camera or inference API)", asked.size());
    }

    @Test
    @Order(7)
    void theContainerImagesRunAsAnUnprivilegedUser() throws IOException {
        Map<String, String> users = new LinkedHashMap<>();
        for (String module : List.of("camera-adapter-mock", "inference", "backend", "frontend")) {
            Path dockerfile = Path.of("..", module, "src", "main", "docker", "Dockerfile.jvm");
            String user = null;
            boolean afterUser = false;
            for (String line : Files.readAllLines(dockerfile)) {
                String l = line.strip();
                if (l.startsWith("USER ")) {
                    user = l.substring(5).strip();
                    afterUser = true;
                } else if (l.startsWith("ENTRYPOINT") || l.startsWith("CMD")) {
                    assertThat(afterUser).as(dockerfile + ": USER before " + l).isTrue();
                }
            }
            assertThat(user).as(dockerfile + " has a USER").isNotNull();
            String name = user.split(":")[0];
            assertThat(name).as(dockerfile + " USER").isNotIn("0", "root");
            Matcher uid = Pattern.compile("--uid (\\d+)").matcher(Files.readString(dockerfile));
            if (name.matches("\\d+") && uid.find()) {
                assertThat(uid.group(1)).as(dockerfile + ": USER is the created user").isEqualTo(name);
            }
            users.put(module, user);
        }
        REPORT.put("container users", users);
    }

    @Test
    @Order(8)
    void tokensNeverReachALog() throws IOException {
        REPORT.put("logs searched for tokens", LogsIT.assertNoTokens());
    }
}
