package io.visualinspection.tools.quantize;

import io.visualinspection.model.Detection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * How far one model's detections agree with a reference model's on the same images: a reference detection is
 * found when the other model has an unmatched detection of the same class overlapping it by IoU >= 0.5 (the
 * reference's detections matched in order of score, each to its best overlap).
 */
public record DetectionAgreement(int reference, int found, int extra, double meanIou, double minIou,
        double meanScoreDifference, double maxScoreDifference, List<String> disagreements) {

    public static final double MATCH_IOU = 0.5;

    public DetectionAgreement {
        disagreements = List.copyOf(disagreements);
    }

    /** The share of the reference's detections that were found; 1 when the reference found nothing. */
    public double foundShare() {
        return reference == 0 ? 1.0 : (double) found / reference;
    }

    /** Adds up the comparison image by image. */
    public static final class Tally {
        private int reference;
        private int found;
        private int extra;
        private final List<Double> ious = new ArrayList<>();
        private final List<Double> scoreDifferences = new ArrayList<>();
        private final List<String> disagreements = new ArrayList<>();

        /** Compares the two models' detections of one image; {@code className} names classes in messages. */
        public void add(String image, List<Detection> expected, List<Detection> actual,
                IntFunction<String> className) {
            List<Detection> unmatched = new ArrayList<>(actual);
            List<Detection> byScore = new ArrayList<>(expected);
            byScore.sort(Comparator.comparingDouble(Detection::score).reversed());
            for (Detection e : byScore) {
                reference++;
                Detection best = null;
                double bestIou = MATCH_IOU;
                for (Detection a : unmatched) {
                    double iou = a.classId() == e.classId() ? a.box().iou(e.box()) : 0;
                    if (iou >= bestIou) {
                        best = a;
                        bestIou = iou;
                    }
                }
                if (best == null) {
                    disagreements.add(image + ": missed " + describe(e, className));
                } else {
                    found++;
                    unmatched.remove(best);
                    ious.add(bestIou);
                    scoreDifferences.add((double) Math.abs(best.score() - e.score()));
                }
            }
            for (Detection a : unmatched) {
                extra++;
                disagreements.add(image + ": extra " + describe(a, className));
            }
        }

        public DetectionAgreement result() {
            return new DetectionAgreement(reference, found, extra, mean(ious),
                    ious.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN), mean(scoreDifferences),
                    scoreDifferences.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                    disagreements);
        }

        private static double mean(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        private static String describe(Detection d, IntFunction<String> className) {
            return String.format(Locale.ROOT, "%s %.2f at [%.0f, %.0f, %.0f, %.0f]",
                    className.apply(d.classId()), d.score(), d.box().x0(), d.box().y0(), d.box().x1(), d.box().y1());
        }
    }
}
