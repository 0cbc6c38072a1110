package io.visualinspection.tools.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.visualinspection.model.Box;
import io.visualinspection.model.labels.LabelledObject;
import io.visualinspection.model.pattern.PatternItem;
import io.visualinspection.tools.derive.PatternDeriver.Cluster;
import io.visualinspection.tools.derive.PatternDeriver.Derivation;
import io.visualinspection.tools.derive.PatternDeriver.Sample;
import io.visualinspection.tools.derive.PatternDeriver.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PatternDeriverTest {

    private static final double EPS = 1e-6;

    @Test
    void oneBoxGivesBoundsOneMarginAroundEachEdge() {
        Cluster c = PatternDeriver.bounds(3, List.of(new Box(0.2, 0.3, 0.6, 0.7)), 2, 0.05);
        assertClose(c.outer(), new Box(0.15, 0.25, 0.65, 0.75));
        assertClose(c.inner(), new Box(0.25, 0.35, 0.55, 0.65));
    }

    @Test
    void boundsAreClippedToTheImage() {
        Cluster c = PatternDeriver.bounds(0, List.of(new Box(0, 0, 1, 1)), 2, 0.05);
        assertClose(c.outer(), new Box(0, 0, 1, 1));
        assertClose(c.inner(), new Box(0.05, 0.05, 0.95, 0.95));
    }

    @Test
    void edgesAreWidenedByTheFactorTimesTheirStandardDeviation() {
        // x0 is 0.2 or 0.4: sample standard deviation 0.1414...; every other edge is fixed.
        List<Box> members = List.of(new Box(0.2, 0.3, 0.8, 0.9), new Box(0.4, 0.3, 0.8, 0.9));
        Cluster c = PatternDeriver.bounds(0, members, 0.5, 0.01);
        double std = Math.sqrt(0.02);
        assertThat(c.edgeStd()[0]).isCloseTo(std, within(1e-12));
        assertThat(c.outer().x0()).isCloseTo(0.2 - 0.5 * std, within(EPS));
        assertThat(c.inner().x0()).isCloseTo(0.4 + 0.5 * std, within(EPS));
        assertThat(c.outer().y0()).isCloseTo(0.29, within(EPS));
        assertThat(c.inner().x1()).isCloseTo(0.79, within(EPS));
    }

    @Test
    void anInvertedInnerBoundIsAllowedAndAcceptsEveryMember() {
        List<Box> members = List.of(new Box(0.1, 0.1, 0.3, 0.3), new Box(0.4, 0.4, 0.6, 0.6));
        Cluster c = PatternDeriver.bounds(0, members, 1, 0.01);
        assertThat(c.inner().isOrdered()).isFalse();
        PatternItem item = new PatternItem(0, c.inner(), c.outer());
        assertThat(members).allSatisfy(b -> assertThat(item.isSatisfiedBy(0, b)).isTrue());
    }

    @Test
    void objectsOfOneImageGoToDifferentItemsEvenWhenCloseTogether() {
        // Two nuts side by side on every image, near each other, one of them missing on some images.
        Random random = new Random(5);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            List<LabelledObject> objects = new ArrayList<>();
            objects.add(LabelledObject.labelled(4, Box.fromCenter(0.46 + random.nextDouble() * 0.01, 0.5, 0.05, 0.05)));
            if (i % 3 != 0) {
                objects.add(LabelledObject.labelled(4, Box.fromCenter(0.54 + random.nextDouble() * 0.01, 0.5, 0.05,
                        0.05)));
            }
            samples.add(new Sample("img" + i, "labels", objects));
        }
        Derivation d = PatternDeriver.derive("nuts", "v", false, samples, settings(Map.of()));
        assertThat(d.clusters()).hasSize(2);
        assertThat(d.clusters().get(0).members()).allSatisfy(b -> assertThat(b.centerX()).isLessThan(0.5));
        assertThat(d.clusters().get(1).members()).allSatisfy(b -> assertThat(b.centerX()).isGreaterThan(0.5));
        assertThat(d.clusters().stream().mapToInt(c -> c.members().size()).sum()).isEqualTo(10 + 6);
    }

    @Test
    void moreItemsThanObjectsIsRefused() {
        List<Sample> samples = List.of(new Sample("a", "labels",
                List.of(LabelledObject.labelled(1, new Box(0.1, 0.1, 0.2, 0.2)))));
        assertThatThrownBy(() -> PatternDeriver.derive("p", "v", false, samples, settings(Map.of(1, 2))))
                .hasMessageContaining("class 1: 2 items asked for, but only 1 objects");
    }

    private static Settings settings(Map<Integer, Integer> clusters) {
        return new Settings(2, Map.of(), 0.01, clusters, Set.of(), 1);
    }

    private static void assertClose(Box actual, Box expected) {
        assertThat(actual.x0()).isCloseTo(expected.x0(), within(EPS));
        assertThat(actual.y0()).isCloseTo(expected.y0(), within(EPS));
        assertThat(actual.x1()).isCloseTo(expected.x1(), within(EPS));
        assertThat(actual.y1()).isCloseTo(expected.y1(), within(EPS));
    }
}
