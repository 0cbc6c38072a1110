package io.visualinspection.model.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import io.visualinspection.model.Box;
import io.visualinspection.model.Detection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of SPEC "Patterns" over random small patterns and detections, few classes so they collide. */
class PatternMatcherPropertiesTest {

    @Provide
    Arbitrary<Detection> detections() {
        Arbitrary<Double> coord = Arbitraries.doubles().between(0, 1).ofScale(2);
        return Combinators.combine(coord, coord, coord, coord, Arbitraries.integers().between(0, 2),
                Arbitraries.floats().between(0, 1).ofScale(2))
                .as((a, b, c, d, cls, score) -> new Detection(
                        new Box(Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)), cls, score));
    }

    @Provide
    Arbitrary<PatternItem> items() {
        Arbitrary<Double> coord = Arbitraries.doubles().between(0, 1).ofScale(2);
        Arbitrary<Double> margin = Arbitraries.doubles().between(0, 0.4).ofScale(2);
        return Combinators.combine(coord, coord, margin, margin, Arbitraries.integers().between(0, 2))
                .as((cx, cy, m1, m2, cls) -> {
                    Box inner = new Box(cx, cy, cx, cy).expanded(m1 / 4, m1 / 4);
                    return new PatternItem(cls, inner, inner.expanded(m2, m2));
                });
    }

    @Provide
    Arbitrary<Pattern> patterns() {
        Arbitrary<List<PatternItem>> variantItems = items().list().ofMinSize(1).ofMaxSize(4);
        return variantItems.list().ofMinSize(1).ofMaxSize(3).map(vs -> {
            List<PatternVariant> variants = new ArrayList<>();
            for (int i = 0; i < vs.size(); i++) {
                variants.add(new PatternVariant("v" + i, vs.get(i)));
            }
            return new Pattern("p", variants);
        });
    }

    @Property
    void itemsMatchedEqualsTheMaximumMatchingFoundByBruteForce(@ForAll("patterns") Pattern pattern,
            @ForAll @Size(max = 8) List<@From("detections") Detection> detections) {
        List<Detection> dets = detections.size() > 6 ? detections.subList(0, 6) : detections;
        PatternCheckResult r = PatternMatcher.check(pattern, dets, 0.3, false);
        PatternVariant reported = pattern.variant(r.patternName());
        assertThat(r.matchedItems()).isEqualTo(bruteForceMaximum(reported.items(), dets, 0.3, 0, new boolean[dets.size()]));
    }

    @Property
    void everyReportedMatchIsValidAndOneToOne(@ForAll("patterns") Pattern pattern,
            @ForAll @Size(max = 8) List<@From("detections") Detection> detections) {
        PatternCheckResult r = PatternMatcher.check(pattern, detections, 0.3, false);
        PatternVariant reported = pattern.variant(r.patternName());
        assertThat(r.lg()).hasSize(reported.items().size());
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < r.lg().size(); i++) {
            int d = r.matchedDetections().get(i);
            assertThat(r.lg().get(i)).isEqualTo(d >= 0);
            if (d >= 0) {
                Detection det = detections.get(d);
                assertThat(det.score()).isGreaterThanOrEqualTo(0.3f);
                assertThat(reported.items().get(i).isSatisfiedBy(det.classId(), det.box())).isTrue();
                assertThat(used).doesNotContain(d);
                used.add(d);
            }
        }
    }

    @Property
    void theDecisionDoesNotDependOnVariantOrDetectionOrder(@ForAll("patterns") Pattern pattern,
            @ForAll @Size(max = 8) List<@From("detections") Detection> detections, @ForAll long seed) {
        List<PatternVariant> variants = new ArrayList<>(pattern.variants());
        List<Detection> dets = new ArrayList<>(detections);
        Random random = new Random(seed);
        Collections.shuffle(variants, random);
        Collections.shuffle(dets, random);
        boolean original = PatternMatcher.check(pattern, detections, 0.3, false).decision();
        boolean shuffled = PatternMatcher.check(new Pattern("p", variants), dets, 0.3, false).decision();
        assertThat(shuffled).isEqualTo(original);
        boolean strictOriginal = PatternMatcher.check(pattern, detections, 0.3, true).decision();
        boolean strictShuffled = PatternMatcher.check(new Pattern("p", variants), dets, 0.3, true).decision();
        assertThat(strictShuffled).isEqualTo(strictOriginal);
    }

    @Property
    void aPassingNonStrictCheckStillPassesWithMoreDetections(@ForAll("patterns") Pattern pattern,
            @ForAll @Size(max = 8) List<@From("detections") Detection> detections, @ForAll("detections") Detection extra) {
        if (PatternMatcher.check(pattern, detections, 0.3, false).decision()) {
            List<Detection> more = new ArrayList<>(detections);
            more.add(extra);
            assertThat(PatternMatcher.check(pattern, more, 0.3, false).decision()).isTrue();
        }
    }

    @Property
    void strictNeverPassesWhereLenientFails(@ForAll("patterns") Pattern pattern,
            @ForAll @Size(max = 8) List<@From("detections") Detection> detections) {
        if (PatternMatcher.check(pattern, detections, 0.3, true).decision()) {
            assertThat(PatternMatcher.check(pattern, detections, 0.3, false).decision()).isTrue();
        }
    }

    @Property
    void detectionsPlacedOnTheOuterBoundsOfAVariantMakeItPass(@ForAll("patterns") Pattern pattern) {
        PatternVariant last = pattern.variants().get(pattern.variants().size() - 1);
        List<Detection> exact = last.items().stream()
                .map(i -> new Detection(i.outer(), i.classId(), 1f))
                .toList();
        assertThat(PatternMatcher.check(pattern, exact, 0.5, false).decision()).isTrue();
    }

    private static int bruteForceMaximum(List<PatternItem> items, List<Detection> dets, double minScore, int from,
            boolean[] used) {
        if (from == items.size()) {
            return 0;
        }
        int best = bruteForceMaximum(items, dets, minScore, from + 1, used); // leave this item unmatched
        for (int j = 0; j < dets.size(); j++) {
            Detection d = dets.get(j);
            if (!used[j] && d.score() >= minScore && items.get(from).isSatisfiedBy(d.classId(), d.box())) {
                used[j] = true;
                best = Math.max(best, 1 + bruteForceMaximum(items, dets, minScore, from + 1, used));
                used[j] = false;
            }
        }
        return best;
    }
}
