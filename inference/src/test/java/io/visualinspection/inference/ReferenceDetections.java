package io.visualinspection.inference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.visualinspection.model.Box;
import io.visualinspection.model.Detection;
import io.visualinspection.model.Json;
import io.visualinspection.model.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The expected detections of the seed photos ({@code ../shared/reference/seed-detections.json}). */
public record ReferenceDetections(Map<String, Expected> byImage) {

    public static final double BOX_TOLERANCE_PX = 2.0;
    public static final double SCORE_TOLERANCE = 0.03;

    public record Expected(int width, int height, List<Detection> detections) {
    }

    public static ReferenceDetections load() throws IOException {
        Path file = SharedData.require("reference/seed-detections.json");
        JsonNode root = Json.mapper().readTree(file.toFile());
        Map<String, Expected> byImage = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<Detection> dets = new ArrayList<>();
            for (JsonNode d : e.getValue().get("detections")) {
                JsonNode b = d.get("box_xyxy");
                dets.add(new Detection(new Box(b.get(0).asDouble(), b.get(1).asDouble(), b.get(2).asDouble(),
                        b.get(3).asDouble()), d.get("class_id").asInt(), (float) d.get("score").asDouble()));
            }
            byImage.put(e.getKey(), new Expected(e.getValue().get("width").asInt(), e.getValue().get("height").asInt(),
                    dets));
        }
        return new ReferenceDetections(byImage);
    }

    public static Path image(String name) {
        return SharedData.require("images/seed/" + name);
    }

    /** Same number of detections, and each expected one has its own actual one of the same class within tolerance. */
    public static void assertMatches(String image, List<Detection> actual, List<Detection> expected) {
        assertThat(actual).as(image + ": number of detections, got " + actual).hasSameSizeAs(expected);
        boolean[] used = new boolean[actual.size()];
        for (Detection e : expected) {
            int best = -1;
            double bestDiff = Double.MAX_VALUE;
            for (int i = 0; i < actual.size(); i++) {
                Detection a = actual.get(i);
                if (used[i] || a.classId() != e.classId()) {
                    continue;
                }
                double diff = maxCornerDifference(a.box(), e.box());
                if (diff < bestDiff) {
                    bestDiff = diff;
                    best = i;
                }
            }
            assertThat(best).as(image + ": no detection of class " + e.classId() + " for " + e + " in " + actual)
                    .isNotNegative();
            Detection a = actual.get(best);
            assertThat(bestDiff).as(image + ": box " + a.box() + " vs expected " + e.box())
                    .isLessThanOrEqualTo(BOX_TOLERANCE_PX);
            assertThat((double) Math.abs(a.score() - e.score())).as(image + ": score " + a.score() + " vs " + e.score())
                    .isLessThanOrEqualTo(SCORE_TOLERANCE);
            used[best] = true;
        }
    }

    static double maxCornerDifference(Box a, Box b) {
        return Math.max(Math.max(Math.abs(a.x0() - b.x0()), Math.abs(a.y0() - b.y0())),
                Math.max(Math.abs(a.x1() - b.x1()), Math.abs(a.y1() - b.y1())));
    }
}
