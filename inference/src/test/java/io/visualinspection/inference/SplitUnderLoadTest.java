package io.visualinspection.inference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.visualinspection.inference.engine.OnnxDetector;
import io.visualinspection.inference.service.AdmissionLimiter;
import io.visualinspection.inference.service.ModelRegistry;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Requests that meet others run side by side on one core each (split-under-load, on by default), in a second
 * session of the model made the first time two requests meet; they detect what a lone request detects, and are
 * counted in {@code inference_one_core_runs_total}.
 */
@QuarkusTest
@TestProfile(SplitUnderLoadTest.FreshService.class)
class SplitUnderLoadTest {

    /** A start of the service of its own, so that no other test's requests have met before these. */
    public static class FreshService implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("inference.split-under-load", "true");
        }
    }

    private static final String ONE_CORE_RUNS = "inference_one_core_runs_total{model=\"yolov5s-coco\"}";

    @Inject
    ModelRegistry models;

    @Inject
    AdmissionLimiter limiter;

    @Test
    void requestsThatMeetOthersRunOnOneCoreEachAndDetectTheSame() throws Exception {
        assumeTrue(limiter.splits(), "splitting needs two or more cores; this machine has "
                + Runtime.getRuntime().availableProcessors());
        OnnxDetector model = models.defaultModel().orElseThrow();
        List<String> alone = classNames();
        classNames();
        assertThat(model.hasOneCoreSession()).as("requests one at a time never need a second session").isFalse();
        assertThat(InferenceResourceTest.value(metrics(), ONE_CORE_RUNS)).isZero();

        fourAtOnce(alone); // they meet: the second session is made in the background; meanwhile the main one serves
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!model.hasOneCoreSession()) {
            assertThat(System.nanoTime()).as("one-thread session made within 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        double before = InferenceResourceTest.value(metrics(), ONE_CORE_RUNS);
        fourAtOnce(alone);
        double oneCoreRuns = InferenceResourceTest.value(metrics(), ONE_CORE_RUNS) - before;
        assertThat(oneCoreRuns).as("four requests at once: those that waited ran on one core").isGreaterThanOrEqualTo(2);
    }

    /** Four requests started together; each detects what a lone request detects. */
    private static void fourAtOnce(List<String> alone) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(clients.submit(() -> {
                    start.await();
                    return classNames();
                }));
            }
            start.countDown();
            for (Future<List<String>> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(alone);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static List<String> classNames() {
        return given().multiPart("image", InferenceResourceTest.CAT.toFile(), "image/png")
                .when().post("/inference")
                .then().statusCode(200).extract().jsonPath().getList("class_names", String.class);
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
