package io.visualinspection.model.yolo;

import io.visualinspection.model.Detection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Greedy non-maximum suppression, per class. */
public final class Nms {

    private Nms() {
    }

    /**
     * Keeps, best score first, each detection that does not overlap a kept one of the same class by more
     * than {@code iouThreshold}; at most {@code maxDetections}. Ties in score keep input order.
     */
    public static List<Detection> classAware(List<Detection> candidates, double iouThreshold, int maxDetections) {
        List<Detection> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble((Detection d) -> d.score()).reversed());
        List<Detection> kept = new ArrayList<>();
        boolean[] suppressed = new boolean[sorted.size()];
        for (int i = 0; i < sorted.size() && kept.size() < maxDetections; i++) {
            if (suppressed[i]) {
                continue;
            }
            Detection best = sorted.get(i);
            kept.add(best);
            for (int j = i + 1; j < sorted.size(); j++) {
                Detection other = sorted.get(j);
                if (!suppressed[j] && other.classId() == best.classId()
                        && best.box().iou(other.box()) > iouThreshold) {
                    suppressed[j] = true;
                }
            }
        }
        return kept;
    }
}
