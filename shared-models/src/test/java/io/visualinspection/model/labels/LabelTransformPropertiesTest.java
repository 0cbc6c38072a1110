package io.visualinspection.model.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.visualinspection.model.Box;
import io.visualinspection.model.labels.LabelTransform.Mirror;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Rotations and mirrors of normalised boxes form the symmetry group of the square: checked on random boxes. */
class LabelTransformPropertiesTest {

    private static final double EPS = 1e-12;

    @Provide
    Arbitrary<Box> boxes() {
        Arbitrary<Double> coord = Arbitraries.doubles().between(0, 1);
        return Combinators.combine(coord, coord, coord, coord)
                .as((a, b, c, d) -> new Box(Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)));
    }

    @Provide
    Arbitrary<LabelTransform> transforms() {
        return Combinators.combine(Arbitraries.of(0, 90, 180, 270), Arbitraries.of(Mirror.class))
                .as(LabelTransform::new);
    }

    @Property
    void fourQuarterTurnsGiveTheBoxBack(@ForAll("boxes") Box box) {
        LabelTransform quarter = LabelTransform.rotation(90);
        assertClose(quarter.apply(quarter.apply(quarter.apply(quarter.apply(box)))), box);
    }

    @Property
    void aQuarterTurnThenThreeMoreQuartersGiveTheBoxBack(@ForAll("boxes") Box box) {
        assertClose(LabelTransform.rotation(270).apply(LabelTransform.rotation(90).apply(box)), box);
    }

    @Property
    void twoQuarterTurnsAreAHalfTurn(@ForAll("boxes") Box box) {
        LabelTransform quarter = LabelTransform.rotation(90);
        assertClose(quarter.apply(quarter.apply(box)), LabelTransform.rotation(180).apply(box));
    }

    @Property
    void mirroringTwiceGivesTheBoxBack(@ForAll("boxes") Box box, @ForAll Mirror mirror) {
        LabelTransform m = LabelTransform.mirroring(mirror);
        assertClose(m.apply(m.apply(box)), box);
    }

    @Property
    void bothMirrorsAreAHalfTurn(@ForAll("boxes") Box box) {
        Box horizontal = LabelTransform.mirroring(Mirror.HORIZONTAL).apply(box);
        Box both = LabelTransform.mirroring(Mirror.VERTICAL).apply(horizontal);
        assertClose(both, LabelTransform.rotation(180).apply(box));
    }

    @Property
    void boxesStayOrderedInsideTheImageWithTheirSizeKeptOrSwapped(@ForAll("boxes") Box box,
            @ForAll("transforms") LabelTransform t) {
        Box moved = t.apply(box);
        assertThat(moved.isOrdered()).isTrue();
        assertThat(new Box(0, 0, 1, 1).contains(moved)).isTrue();
        double w = t.swapsSides() ? box.height() : box.width();
        double h = t.swapsSides() ? box.width() : box.height();
        assertThat(moved.width()).isCloseTo(w, within(EPS));
        assertThat(moved.height()).isCloseTo(h, within(EPS));
    }

    @Property
    void labelledObjectsKeepClassAndScore(@ForAll("boxes") Box box, @ForAll("transforms") LabelTransform t) {
        LabelledObject o = new LabelledObject(4, box, 0.7f);
        List<LabelledObject> moved = t.apply(List.of(o));
        assertThat(moved.get(0).classId()).isEqualTo(4);
        assertThat(moved.get(0).score()).isEqualTo(0.7f);
        assertThat(moved.get(0).box()).isEqualTo(t.apply(box));
    }

    @Property
    void labelFilesRoundTripWithinTheirPrecision(@ForAll("boxes") Box box) throws Exception {
        LabelledObject o = LabelledObject.labelled(1, box);
        LabelledObject back = YoloLabels.parse(YoloLabels.format(List.of(o)), "p.txt").get(0);
        assertThat(back.box().x0()).isCloseTo(box.x0(), within(2e-6));
        assertThat(back.box().y0()).isCloseTo(box.y0(), within(2e-6));
        assertThat(back.box().x1()).isCloseTo(box.x1(), within(2e-6));
        assertThat(back.box().y1()).isCloseTo(box.y1(), within(2e-6));
    }

    private static void assertClose(Box actual, Box expected) {
        assertThat(actual.x0()).isCloseTo(expected.x0(), within(EPS));
        assertThat(actual.y0()).isCloseTo(expected.y0(), within(EPS));
        assertThat(actual.x1()).isCloseTo(expected.x1(), within(EPS));
        assertThat(actual.y1()).isCloseTo(expected.y1(), within(EPS));
    }
}
