package io.visualinspection.backend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import io.visualinspection.model.testing.SampleData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Running the backend on a line: token authentication, patterns changed while it runs, and an archive
 * folder that cannot be written (here a file stands where the folder should be).
 */
@QuarkusTest
@TestProfile(OperationsTest.Operations.class)
@WithTestResource(RealUpstreams.class)
class OperationsTest {

    // Fixed paths: Quarkus loads this class twice (test and application class loaders), so the profile
    // and the tests must agree without sharing state.
    static final Path PATTERNS = Path.of("target/operations-test/patterns").toAbsolutePath();
    static final Path NOT_A_FOLDER = Path.of("target/operations-test/archive-is-a-file").toAbsolutePath();

    static {
        try {
            Files.createDirectories(PATTERNS);
            Files.copy(SampleData.patterns().resolve("demo-cat.yaml"), PATTERNS.resolve("demo-cat.yaml"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(PATTERNS.resolve("two-cats.yaml"));
            Files.deleteIfExists(PATTERNS.resolve("broken.yaml"));
            if (!Files.isRegularFile(NOT_A_FOLDER)) {
                Files.writeString(NOT_A_FOLDER, "a file where the archive folder should be");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static class Operations implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "api.auth.enabled", "true",
                    "api.auth.tokens", "alpha-token,beta-token",
                    "backend.patterns.path", PATTERNS.toString(),
                    "backend.patterns.rescan-interval", "100ms",
                    "backend.archive.dir", NOT_A_FOLDER.toString());
        }
    }

    static RequestSpecification authorized() {
        return given().header("Authorization", "Bearer beta-token");
    }

    @Test
    void theApiNeedsAValidTokenButHealthAndMetricsStayOpen() {
        given().when().get("/patterns").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("message", containsString("Authorization: Bearer"));
        given().header("Authorization", "Bearer wrong").when().get("/patterns").then().statusCode(403)
                .body("message", equalTo("the token is not accepted"));
        given().header("Authorization", "Bearer alpha-token").when().get("/patterns").then().statusCode(200);
        given().header("Authorization", "Basic YWxwaGE6dG9rZW4=").when().get("/patterns").then().statusCode(401);
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void anUnwritableArchiveNeitherFailsTheInspectionNorGoesUnnoticed() {
        authorized().multiPart("image", SampleData.image("coffee.png").toFile(), "image/png")
                .when().post("/main?return_options=1")
                .then().statusCode(200).body("decision", equalTo(false));
        String metrics = "";
        for (int i = 0; i < 50 && !metrics.contains("archive_failures_total"); i++) {
            metrics = given().when().get("/q/metrics").then().extract().asString();
            sleep(100);
        }
        assertThat(metrics).containsPattern("archive_failures_total\\{reason=\"[a-z_]+\"} [1-9]");
    }

    @Test
    void patternFilesArePickedUpWhenTheyChangeAndABrokenOneIsReportedWithItsLine() throws Exception {
        Files.writeString(PATTERNS.resolve("two-cats.yaml"), """
                both:
                  - {class_id: 15, inner: [0.2, 0.2, 0.3, 0.3], outer: [0.0, 0.0, 0.5, 0.5]}
                  - {class_id: 15, inner: [0.7, 0.2, 0.8, 0.3], outer: [0.5, 0.0, 1.0, 0.5]}
                """);
        Files.writeString(PATTERNS.resolve("broken.yaml"), "v1:\n  - class_id: 0\n    inner: [0.1, 0.2]\n    outer: [0, 0, 1, 1]\n");
        awaitPatterns("two-cats");
        authorized().when().get("/patterns").then().statusCode(200)
                .body("patterns.key", hasItem("two-cats"))
                .body("patterns.key", not(hasItem("broken")))
                .body("errors.'broken.yaml'", containsString("broken.yaml:2: "));
        authorized().multiPart("image", SampleData.image("chelsea.png").toFile(), "image/png")
                .when().post("/main?pattern_key=demo-cat&return_options=1").then().statusCode(200)
                .body("decision", equalTo(true));
        authorized().multiPart("image", SampleData.image("chelsea.png").toFile(), "image/png")
                .when().post("/main?pattern_key=two-cats&return_options=3").then().statusCode(200)
                .body("decision", equalTo(false)).body("pattern_name", equalTo("both"));
        Files.delete(PATTERNS.resolve("two-cats.yaml"));
        for (int i = 0; i < 50; i++) {
            String keys = authorized().when().get("/patterns").then().extract().asString();
            if (!keys.contains("two-cats")) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("a deleted pattern file is still listed");
    }

    private static void awaitPatterns(String key) {
        for (int i = 0; i < 50; i++) {
            if (authorized().when().get("/patterns").then().extract().asString().contains(key)) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("pattern " + key + " not picked up");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
