package io.visualinspection.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InferenceResultTest {

    @Test
    void hasTheAncestorFieldsAndTheAddedOnes() throws Exception {
        InferenceResult result = InferenceResult.of(
                List.of(new Detection(new Box(1, 2, 3, 4), 15, 0.75f)),
                new ClassNames(List.of("a", "b")), "m", "1", 640, 427, Map.of("session", 12.5));
        JsonNode json = Json.mapper().valueToTree(result);
        assertThat(json.get("bboxes").toString()).isEqualTo("[[1.0,2.0,3.0,4.0]]");
        assertThat(json.get("class_ids").toString()).isEqualTo("[15]");
        assertThat(json.get("scores").get(0).floatValue()).isEqualTo(0.75f);
        assertThat(json.get("class_names").toString()).as("unknown id gets a fallback name")
                .isEqualTo("[\"class 15\"]");
        assertThat(json.get("image_width").intValue()).isEqualTo(640);
        assertThat(json.get("timings_ms").get("session").doubleValue()).isEqualTo(12.5);
    }

    @Test
    void readsAnAncestorAnswerWithOnlyThreeLists() throws Exception {
        InferenceResult r = Json.mapper().readValue(
                "{\"bboxes\":[[1,2,3,4],[5,6,7,8]],\"class_ids\":[0,2],\"scores\":[0.9,0.8]}", InferenceResult.class);
        assertThat(r.detections()).hasSize(2);
        assertThat(r.detections().get(1).box()).isEqualTo(new Box(5, 6, 7, 8));
        assertThat(r.classNameOf(1)).isEqualTo("class 2");
    }

    @Test
    void refusesListsOfDifferentLengths() {
        assertThatThrownBy(() -> Json.mapper().readValue(
                "{\"bboxes\":[[1,2,3,4]],\"class_ids\":[0,2],\"scores\":[0.9]}", InferenceResult.class))
                .hasMessageContaining("same length");
    }
}
