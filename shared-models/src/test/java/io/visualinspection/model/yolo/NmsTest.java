package io.visualinspection.model.yolo;

import static org.assertj.core.api.Assertions.assertThat;

import io.visualinspection.model.Box;
import io.visualinspection.model.Detection;
import java.util.List;
import org.junit.jupiter.api.Test;

class NmsTest {

    @Test
    void suppressesOnlyAboveTheThresholdAndOnlyWithinAClass() {
        Detection best = new Detection(new Box(0, 0, 10, 10), 0, 0.9f);
        Detection heavyOverlap = new Detection(new Box(1, 0, 11, 10), 0, 0.8f);   // IoU 0.818
        Detection lightOverlap = new Detection(new Box(6, 0, 16, 10), 0, 0.7f);   // IoU 0.25 with best
        Detection otherClass = new Detection(new Box(0, 0, 10, 10), 1, 0.6f);
        List<Detection> kept = Nms.classAware(List.of(otherClass, lightOverlap, heavyOverlap, best), 0.45, 10);
        assertThat(kept).containsExactly(best, lightOverlap, otherClass);
    }

    @Test
    void stopsAtMaxDetections() {
        List<Detection> many = List.of(
                new Detection(new Box(0, 0, 1, 1), 0, 0.5f),
                new Detection(new Box(5, 5, 6, 6), 0, 0.7f),
                new Detection(new Box(9, 9, 10, 10), 0, 0.6f));
        assertThat(Nms.classAware(many, 0.45, 2)).extracting(Detection::score).containsExactly(0.7f, 0.6f);
    }
}
