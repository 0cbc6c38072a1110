package io.visualinspection.model.pattern;

import io.visualinspection.model.Detection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Decides whether detections match a pattern, by the rules of SPEC "Patterns": one-to-one (maximum
 * bipartite matching between a variant's items and the detections), a variant passes when it has items
 * and all are matched (and, when strict, no extra detection of a class it names is left over); the
 * decision is whether any variant passes.
 */
public final class PatternMatcher {

    private PatternMatcher() {
    }

    /**
     * Checks detections whose boxes are normalised to the image size.
     *
     * @param strict null to use the pattern's own setting, else overrides it
     */
    public static PatternCheckResult check(Pattern pattern, List<Detection> normalisedDetections,
            double minScore, Boolean strict) {
        if (pattern == null) {
            return PatternCheckResult.noPattern("no pattern is configured");
        }
        boolean strictMode = strict != null ? strict : pattern.strict();
        if (pattern.variants().isEmpty()) {
            return new PatternCheckResult(false, pattern.key(), null, List.of(), List.of(), List.of(), strictMode,
                    "pattern '" + pattern.key() + "' has no variants");
        }
        // Indices (into the given list) of the detections that take part.
        int[] candidates = normalisedDetections.isEmpty() ? new int[0]
                : IntStream.range(0, normalisedDetections.size())
                        .filter(i -> normalisedDetections.get(i).score() >= minScore)
                        .toArray();

        VariantOutcome firstPassing = null;
        VariantOutcome best = null;
        for (PatternVariant variant : pattern.variants()) {
            VariantOutcome outcome = match(variant, normalisedDetections, candidates, strictMode);
            if (outcome.passes()) {
                firstPassing = outcome;
                break;
            }
            if (best == null || outcome.matched() > best.matched()) {
                best = outcome;
            }
        }
        VariantOutcome reported = firstPassing != null ? firstPassing : best;
        String reason = null;
        if (candidates.length == 0) {
            reason = normalisedDetections.isEmpty() ? "no detections"
                    : "no detection has a score >= " + minScore;
        } else if (firstPassing == null) {
            reason = describeFailure(reported, strictMode);
        }
        return new PatternCheckResult(firstPassing != null, pattern.key(), reported.variant().name(),
                reported.lg(), reported.matchedDetections(), reported.extras(), strictMode, reason);
    }

    /** Checks detections whose boxes are in pixels of an image of the given size. */
    public static PatternCheckResult checkPixels(Pattern pattern, List<Detection> pixelDetections, int imageWidth,
            int imageHeight, double minScore, Boolean strict) {
        List<Detection> normalised = pixelDetections.stream()
                .map(d -> d.withBox(d.box().normalised(imageWidth, imageHeight)))
                .toList();
        return check(pattern, normalised, minScore, strict);
    }

    private static String describeFailure(VariantOutcome outcome, boolean strict) {
        int total = outcome.variant().items().size();
        if (total == 0) {
            return "variant '" + outcome.variant().name() + "' has no items";
        }
        if (outcome.matched() < total) {
            return (total - outcome.matched()) + " of " + total + " items of variant '"
                    + outcome.variant().name() + "' not found";
        }
        return outcome.extras().size() + " extra detection(s) of classes that variant '"
                + outcome.variant().name() + "' names" + (strict ? " (strict)" : "");
    }

    private record VariantOutcome(PatternVariant variant, List<Boolean> lg, List<Integer> matchedDetections,
            List<Integer> extras, int matched, boolean passes) {
    }

    private static VariantOutcome match(PatternVariant variant, List<Detection> detections, int[] candidates,
            boolean strict) {
        List<PatternItem> items = variant.items();
        int n = items.size();
        int m = candidates.length;
        boolean[][] satisfies = new boolean[n][m];
        for (int i = 0; i < n; i++) {
            PatternItem item = items.get(i);
            for (int j = 0; j < m; j++) {
                Detection d = detections.get(candidates[j]);
                satisfies[i][j] = item.isSatisfiedBy(d.classId(), d.box());
            }
        }
        int[] itemOfCandidate = new int[m];
        Arrays.fill(itemOfCandidate, -1);
        int[] candidateOfItem = new int[n];
        Arrays.fill(candidateOfItem, -1);
        int matched = 0;
        // Kuhn's augmenting paths: items in file order, detections in given order, so the matching (and
        // which detection each item reports) is deterministic. Patterns are small; O(n * m * (n + m)).
        for (int i = 0; i < n; i++) {
            if (augment(i, satisfies, itemOfCandidate, candidateOfItem, new boolean[m])) {
                matched++;
            }
        }
        List<Boolean> lg = new ArrayList<>(n);
        List<Integer> matchedDetections = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lg.add(candidateOfItem[i] >= 0);
            matchedDetections.add(candidateOfItem[i] >= 0 ? candidates[candidateOfItem[i]] : -1);
        }
        List<Integer> extras = new ArrayList<>();
        if (strict) {
            for (int j = 0; j < m; j++) {
                if (itemOfCandidate[j] < 0 && variant.namesClass(detections.get(candidates[j]).classId())) {
                    extras.add(candidates[j]);
                }
            }
        }
        boolean passes = n > 0 && matched == n && extras.isEmpty();
        return new VariantOutcome(variant, lg, matchedDetections, extras, matched, passes);
    }

    private static boolean augment(int item, boolean[][] satisfies, int[] itemOfCandidate, int[] candidateOfItem,
            boolean[] visited) {
        for (int j = 0; j < satisfies[item].length; j++) {
            if (!satisfies[item][j] || visited[j]) {
                continue;
            }
            visited[j] = true;
            if (itemOfCandidate[j] < 0
                    || augment(itemOfCandidate[j], satisfies, itemOfCandidate, candidateOfItem, visited)) {
                itemOfCandidate[j] = item;
                candidateOfItem[item] = j;
                return true;
            }
        }
        return false;
    }
}
