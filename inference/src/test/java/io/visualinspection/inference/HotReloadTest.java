package io.visualinspection.inference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.visualinspection.model.testing.SampleData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Models added, replaced, broken and removed while requests keep coming: no request fails, the new model
 * serves once ready, a broken one is refused with its reason while the old one keeps serving. The profile
 * also asks for the CUDA execution provider, which this machine lacks: the fallback to CPU must show.
 */
@QuarkusTest
@TestProfile(HotReloadTest.ChangingModels.class)
class HotReloadTest {

    // Fixed path: Quarkus loads this class twice, and profile and test must agree.
    static final Path MODELS = Path.of("target/hot-reload-test/models").toAbsolutePath();
    static final Path DEFAULT = MODELS.resolve("yolov5s-coco");
    static final Path CAT = SampleData.image("chelsea.png");

    public static class ChangingModels implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                deleteRecursively(MODELS);
                copyModel(SampleData.models().resolve("yolov5s-coco"), DEFAULT, "version: \"1\"\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("inference.models-dir", MODELS.toString(),
                    "inference.reload-interval", "200ms",
                    "inference.execution-provider", "cuda",
                    "inference.max-queue", "64");
        }
    }

    @Test
    void modelsChangeUnderLoadWithoutAFailedRequest() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger done = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> clients = Stream.generate(() -> Thread.ofPlatform().start(() -> {
            while (running.get()) {
                var r = given().multiPart("image", CAT.toFile(), "image/png").when().post("/inference")
                        .then().extract();
                if (r.statusCode() != 200) {
                    failures.add(r.statusCode() + " " + r.asString());
                }
                done.incrementAndGet();
            }
        })).limit(2).toList();
        try {
            // Added: a second model (same network, its own name).
            copyModel(DEFAULT, MODELS.resolve("copy"), "name: yolov5s-copy\nversion: \"7\"\n");
            await(() -> modelNames().contains("yolov5s-copy"), "the added model is served");

            // Replaced: the default model's folder changes; the new version serves once loaded.
            Files.writeString(DEFAULT.resolve("manifest.yaml"), "version: \"2\"\n");
            await(() -> "2".equals(versionOf("yolov5s-coco")), "the replaced default model is served");

            // Broken: a folder whose model is not ONNX is refused and reported; the others serve on.
            Files.createDirectories(MODELS.resolve("broken"));
            Files.writeString(MODELS.resolve("broken/model.onnx"), "this is not a model");
            await(() -> given().when().get("/q/health/ready").asString().contains("rejected broken"),
                    "the broken model is reported");

            // Broken replacement of the serving default: the old session keeps serving.
            Files.writeString(DEFAULT.resolve("model.onnx.new"), "garbage");
            Files.move(DEFAULT.resolve("model.onnx.new"), DEFAULT.resolve("model.onnx"),
                    StandardCopyOption.REPLACE_EXISTING);
            await(() -> given().when().get("/q/health/ready").asString().contains("rejected yolov5s-coco"),
                    "the broken replacement is reported");
            assertThat(versionOf("yolov5s-coco")).isEqualTo("2");

            // Removed.
            deleteRecursively(MODELS.resolve("copy"));
            await(() -> !modelNames().contains("yolov5s-copy"), "the removed model is gone");
            Thread.sleep(1000);
        } finally {
            running.set(false);
            for (Thread t : clients) {
                t.join(30_000);
            }
        }
        assertThat(failures).as("failed requests during the changes").isEmpty();
        assertThat(done.get()).as("requests served during the changes").isGreaterThanOrEqualTo(2);
        given().multiPart("image", CAT.toFile(), "image/png").when().post("/inference")
                .then().statusCode(200).body("model", equalTo("yolov5s-coco")).body("model_version", equalTo("2"));
    }

    @Test
    void aReloadCanBeForcedAndSaysWhatChanged() throws Exception {
        copyModel(SampleData.models().resolve("yolov5s-coco"), MODELS.resolve("forced"),
                "name: forced\n");
        // The watcher may get there first; either way the forced check leaves the folder's state served.
        given().when().post("/models/reload").then().statusCode(200)
                .body("serving", hasItem("forced"));
        deleteRecursively(MODELS.resolve("forced"));
        given().when().post("/models/reload").then().statusCode(200)
                .body("serving", org.hamcrest.Matchers.not(hasItem("forced")));
    }

    @Test
    void aSecondFolderDeclaringAServedNameIsRejectedAndTheServingOneStays() throws Exception {
        // "a-clash" sorts before "yolov5s-coco", yet the folder that already serves keeps the name.
        copyModel(SampleData.models().resolve("yolov5s-coco"), MODELS.resolve("a-clash"),
                "name: yolov5s-coco\nversion: \"clash\"\n");
        try {
            given().when().post("/models/reload").then().statusCode(200)
                    .body("rejected.a-clash", containsString("declares model name 'yolov5s-coco', already served "
                            + "from yolov5s-coco"));
            assertThat(versionOf("yolov5s-coco")).isNotEqualTo("clash");
            given().when().get("/q/health/ready").then().statusCode(200)
                    .body("checks[0].data.'rejected a-clash'", containsString("already served"));
            // Forced again, the folder is tried again and refused again: still one model of that name.
            given().when().post("/models/reload").then().statusCode(200)
                    .body("rejected.a-clash", containsString("already served"));
            assertThat(modelNames().stream().filter("yolov5s-coco"::equals).count()).isEqualTo(1);
        } finally {
            deleteRecursively(MODELS.resolve("a-clash"));
            given().when().post("/models/reload").then().statusCode(200);
        }
    }

    @Test
    void anUnavailableExecutionProviderFallsBackToTheCpuAndSaysSo() {
        given().when().get("/models").then().statusCode(200)
                .body("find { it.name == 'yolov5s-coco' }.execution_provider", equalTo("cpu"))
                .body("find { it.name == 'yolov5s-coco' }.execution_provider_fallback",
                        containsString("cuda unavailable"));
    }

    static List<String> modelNames() {
        return given().when().get("/models").then().statusCode(200).extract().jsonPath().getList("name");
    }

    static String versionOf(String model) {
        return given().when().get("/models").then().statusCode(200).extract().jsonPath()
                .getString("find { it.name == '" + model + "' }.version");
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting until " + what);
    }

    /** A model folder sharing the (large) model file by hard link, with its own manifest. */
    static void copyModel(Path from, Path to, String manifest) throws IOException {
        Files.createDirectories(to);
        Path model = to.resolve("model.onnx");
        try {
            Files.createLink(model, from.resolve("model.onnx").toRealPath());
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(from.resolve("model.onnx"), model);
        }
        Files.copy(from.resolve("classes.txt"), to.resolve("classes.txt"));
        Files.writeString(to.resolve("manifest.yaml"), manifest);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
