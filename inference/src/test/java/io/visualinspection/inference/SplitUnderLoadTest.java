package io.visualinspection.inference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.visualinspection.inference.engine.OnnxDetector;
import io.visualinspection.inference.service.AdmissionLimiter;
import io.visualinspection.inference.service.ModelRegistry;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Requests that meet others run side by side on one core each (split-under-load, on by default), detect what a
 * lone request detects, and are counted in {@code inference_one_core_runs_total}.
 */
@QuarkusTest
class SplitUnderLoadTest {

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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!model.hasOneCoreSession()) { // made in the background once the model serves
            assertThat(System.nanoTime()).as("one-thread session ready within 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        List<String> alone = classNames();
        double before = InferenceResourceTest.value(metrics(), ONE_CORE_RUNS);

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
        double oneCoreRuns = InferenceResourceTest.value(metrics(), ONE_CORE_RUNS) - before;
        assertThat(oneCoreRuns).as("four requests at once: those that waited ran on one core").isGreaterThanOrEqualTo(2);
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
