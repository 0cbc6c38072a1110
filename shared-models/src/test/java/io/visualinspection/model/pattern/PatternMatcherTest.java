package io.visualinspection.model.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import io.visualinspection.model.Box;
import io.visualinspection.model.Detection;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternMatcherTest {

    static final Box INNER_LEFT = new Box(0.15, 0.15, 0.25, 0.25);
    static final Box OUTER_LEFT = new Box(0.05, 0.05, 0.35, 0.35);
    static final Box INNER_RIGHT = new Box(0.65, 0.15, 0.75, 0.25);
    static final Box OUTER_RIGHT = new Box(0.55, 0.05, 0.85, 0.35);

    static Detection det(int classId, double x0, double y0, double x1, double y1, double score) {
        return new Detection(new Box(x0, y0, x1, y1), classId, (float) score);
    }

    static final Detection LEFT_CAT = det(15, 0.1, 0.1, 0.3, 0.3, 0.9);
    static final Detection RIGHT_CAT = det(15, 0.6, 0.1, 0.8, 0.3, 0.9);

    static Pattern twoCats() {
        return new Pattern("two-cats", List.of(new PatternVariant("v1", List.of(
                new PatternItem(15, INNER_LEFT, OUTER_LEFT),
                new PatternItem(15, INNER_RIGHT, OUTER_RIGHT)))));
    }

    @Test
    void aPatternWithASingleItemCanPass() {
        // The ancestor required len(lg) > 1, so a one-item pattern never passed.
        Pattern one = new Pattern("one", List.of(new PatternVariant("v", List.of(
                new PatternItem(15, INNER_LEFT, OUTER_LEFT)))));
        PatternCheckResult r = PatternMatcher.check(one, List.of(LEFT_CAT), 0.5, null);
        assertThat(r.decision()).isTrue();
        assertThat(r.lg()).containsExactly(true);
        assertThat(r.matchedDetections()).containsExactly(0);
    }

    @Test
    void noDetectionsIsFalseNotNull() {
        PatternCheckResult r = PatternMatcher.check(twoCats(), List.of(), 0.5, null);
        assertThat(r.decision()).isFalse();
        assertThat(r.patternName()).isEqualTo("v1");
        assertThat(r.lg()).containsExactly(false, false);
        assertThat(r.reason()).isEqualTo("no detections");
    }

    @Test
    void noPatternIsNullWithAReason() {
        PatternCheckResult r = PatternMatcher.check(null, List.of(LEFT_CAT), 0.5, null);
        assertThat(r.decision()).isNull();
        assertThat(r.reason()).contains("no pattern");
    }

    @Test
    void allItemsMatchedPasses() {
        PatternCheckResult r = PatternMatcher.check(twoCats(), List.of(RIGHT_CAT, LEFT_CAT), 0.5, null);
        assertThat(r.decision()).isTrue();
        assertThat(r.lg()).containsExactly(true, true);
        assertThat(r.matchedDetections()).containsExactly(1, 0);
        assertThat(r.reason()).isNull();
    }

    @Test
    void oneDetectionCannotSatisfyTwoItems() {
        // Both items accept a box covering the whole middle band; the ancestor let one box satisfy both.
        Box inner = new Box(0.4, 0.4, 0.6, 0.6);
        Box outer = new Box(0.0, 0.0, 1.0, 1.0);
        Pattern p = new Pattern("twice", List.of(new PatternVariant("v", List.of(
                new PatternItem(0, inner, outer), new PatternItem(0, inner, outer)))));
        Detection big = det(0, 0.1, 0.1, 0.9, 0.9, 0.9);
        PatternCheckResult r = PatternMatcher.check(p, List.of(big), 0.5, null);
        assertThat(r.decision()).isFalse();
        assertThat(r.lg()).containsExactly(true, false);
        assertThat(PatternMatcher.check(p, List.of(big, big), 0.5, null).decision()).isTrue();
    }

    @Test
    void matchingIsMaximumNotGreedy() {
        // Item A accepts both detections, item B only the first. Greedy (A takes the first) fails;
        // the maximum matching gives the second to A.
        Box wideOuter = new Box(0.0, 0.0, 1.0, 1.0);
        Box pointInner = new Box(0.5, 0.5, 0.5, 0.5);
        PatternItem a = new PatternItem(0, pointInner, wideOuter);
        PatternItem b = new PatternItem(0, new Box(0.2, 0.2, 0.3, 0.3), new Box(0.1, 0.1, 0.4, 0.4));
        Detection first = det(0, 0.15, 0.15, 0.35, 0.35, 0.9);
        Detection second = det(0, 0.2, 0.2, 0.8, 0.8, 0.9);
        Pattern p = new Pattern("p", List.of(new PatternVariant("v", List.of(a, b))));
        assertThat(first.box().liesBetween(pointInner, wideOuter)).isFalse();
        PatternCheckResult r = PatternMatcher.check(p, List.of(second, first), 0.5, null);
        assertThat(r.decision()).isTrue();
        assertThat(r.matchedDetections()).containsExactly(0, 1);
    }

    @Test
    void classesMustBeEqual() {
        Detection dog = det(16, 0.1, 0.1, 0.3, 0.3, 0.9);
        PatternCheckResult r = PatternMatcher.check(twoCats(), List.of(dog, RIGHT_CAT), 0.5, null);
        assertThat(r.decision()).isFalse();
        assertThat(r.lg()).containsExactly(false, true);
        assertThat(r.reason()).isEqualTo("1 of 2 items of variant 'v1' not found");
    }

    @Test
    void detectionsBelowMinScoreDoNotTakePart() {
        Detection weakLeft = det(15, 0.1, 0.1, 0.3, 0.3, 0.49);
        assertThat(PatternMatcher.check(twoCats(), List.of(weakLeft, RIGHT_CAT), 0.5, null).decision()).isFalse();
        Detection exactlyMin = det(15, 0.1, 0.1, 0.3, 0.3, 0.5);
        assertThat(PatternMatcher.check(twoCats(), List.of(exactlyMin, RIGHT_CAT), 0.5, null).decision())
                .as("score == min_score takes part").isTrue();
        PatternCheckResult none = PatternMatcher.check(twoCats(), List.of(weakLeft), 0.5, null);
        assertThat(none.reason()).isEqualTo("no detection has a score >= 0.5");
    }

    @Test
    void firstPassingVariantInFileOrderIsReported() {
        Pattern p = new Pattern("p", List.of(
                new PatternVariant("needs-two", twoCats().variants().get(0).items()),
                new PatternVariant("left-only", List.of(new PatternItem(15, INNER_LEFT, OUTER_LEFT))),
                new PatternVariant("right-only", List.of(new PatternItem(15, INNER_RIGHT, OUTER_RIGHT)))));
        PatternCheckResult both = PatternMatcher.check(p, List.of(LEFT_CAT, RIGHT_CAT), 0.5, null);
        assertThat(both.patternName()).isEqualTo("needs-two");
        PatternCheckResult right = PatternMatcher.check(p, List.of(RIGHT_CAT), 0.5, null);
        assertThat(right.decision()).isTrue();
        assertThat(right.patternName()).isEqualTo("right-only");
    }

    @Test
    void onFailureTheBestVariantIsReportedTiesToTheFirst() {
        PatternItem dogLeft = new PatternItem(16, INNER_LEFT, OUTER_LEFT);
        PatternItem dogRight = new PatternItem(16, INNER_RIGHT, OUTER_RIGHT);
        PatternItem catLeft = new PatternItem(15, INNER_LEFT, OUTER_LEFT);
        Pattern p = new Pattern("p", List.of(
                new PatternVariant("dogs", List.of(dogLeft, dogRight)),
                new PatternVariant("cat-and-dog", List.of(catLeft, dogRight)),
                new PatternVariant("cat-and-dog-again", List.of(catLeft, dogRight))));
        PatternCheckResult r = PatternMatcher.check(p, List.of(LEFT_CAT), 0.5, null);
        assertThat(r.decision()).isFalse();
        assertThat(r.patternName()).isEqualTo("cat-and-dog");
        assertThat(r.lg()).containsExactly(true, false);
        PatternCheckResult nothing = PatternMatcher.check(p, List.of(det(1, 0, 0, 1, 1, 0.9)), 0.5, null);
        assertThat(nothing.patternName()).as("all score 0: the first").isEqualTo("dogs");
    }

    @Test
    void extrasPassUnlessStrict() {
        Pattern oneCat = new Pattern("one", List.of(new PatternVariant("v", List.of(
                new PatternItem(15, INNER_LEFT, OUTER_LEFT)))));
        Detection dog = det(16, 0.6, 0.6, 0.9, 0.9, 0.9);
        List<Detection> catCatDog = List.of(LEFT_CAT, RIGHT_CAT, dog);
        assertThat(PatternMatcher.check(oneCat, catCatDog, 0.5, null).decision()).isTrue();
        PatternCheckResult strict = PatternMatcher.check(oneCat, catCatDog, 0.5, true);
        assertThat(strict.decision()).isFalse();
        assertThat(strict.extraDetections()).as("the dog is of a class the variant does not name").containsExactly(1);
        assertThat(strict.reason()).contains("extra");
        Pattern strictPattern = new Pattern("one", oneCat.variants(), true);
        assertThat(PatternMatcher.check(strictPattern, catCatDog, 0.5, null).decision()).isFalse();
        assertThat(PatternMatcher.check(strictPattern, catCatDog, 0.5, false).decision())
                .as("the request overrides the pattern").isTrue();
        assertThat(PatternMatcher.check(strictPattern, List.of(LEFT_CAT, dog), 0.5, null).decision()).isTrue();
    }

    @Test
    void pixelDetectionsAreNormalisedToTheImage() {
        Detection px = new Detection(new Box(64, 42.7, 192, 128.1), 15, 0.9f);
        Pattern one = new Pattern("one", List.of(new PatternVariant("v", List.of(
                new PatternItem(15, INNER_LEFT, OUTER_LEFT)))));
        assertThat(PatternMatcher.checkPixels(one, List.of(px), 640, 427, 0.5, null).decision()).isTrue();
        assertThat(PatternMatcher.checkPixels(one, List.of(px), 320, 427, 0.5, null).decision()).isFalse();
    }
}
