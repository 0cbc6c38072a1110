package io.visualinspection.model.yolo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.visualinspection.model.Box;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LetterboxTest {

    @Test
    void aWideImageKeepsItsAspectAndIsPaddedTopAndBottom() {
        Letterbox lb = Letterbox.square(640, 427, 640);
        assertThat(lb.scale()).isEqualTo(1.0);
        assertThat(lb.resizedWidth()).isEqualTo(640);
        assertThat(lb.resizedHeight()).isEqualTo(427);
        assertThat(lb.padLeft()).isZero();
        assertThat(lb.padTop()).as("round((640 - 427) / 2 - 0.1)").isEqualTo(106);
    }

    @Test
    void aTallImageIsScaledDownAndPaddedLeftAndRight() {
        Letterbox lb = Letterbox.square(1000, 2000, 640);
        assertThat(lb.scale()).isEqualTo(0.32);
        assertThat(lb.resizedWidth()).isEqualTo(320);
        assertThat(lb.resizedHeight()).isEqualTo(640);
        assertThat(lb.padLeft()).isEqualTo(160);
        assertThat(lb.padTop()).isZero();
    }

    @Test
    void sizesRoundHalfToEvenLikeTheReference() {
        // 1280 x 721 at r = 0.5 gives 360.5 rows: Python's round() says 360.
        Letterbox lb = Letterbox.square(1280, 721, 640);
        assertThat(lb.resizedHeight()).isEqualTo(360);
        assertThat(lb.padTop()).isEqualTo(140);
    }

    @Test
    void mappingBackSubtractsThePadding() {
        Letterbox lb = Letterbox.square(640, 427, 640);
        Box inModel = new Box(100, 106, 200, 533);
        assertThat(lb.toSource(inModel)).isEqualTo(new Box(100, 0, 200, 427));
        // The ancestor's stretched image would have mapped y by 427/640 without subtracting anything.
        Box padded = new Box(10, 50, 20, 100);
        assertThat(lb.toSource(padded).y0()).as("boxes in the padding clip to the image").isZero();
    }

    @Property
    void toSourceUndoesToTarget(@ForAll @IntRange(min = 1, max = 5000) int w, @ForAll @IntRange(min = 1, max = 5000) int h,
            @ForAll @IntRange(min = 32, max = 1280) int size) {
        Letterbox lb = Letterbox.square(w, h, size);
        assertThat(lb.resizedWidth()).isBetween(1, size);
        assertThat(lb.resizedHeight()).isBetween(1, size);
        assertThat(lb.padLeft() + lb.resizedWidth()).isLessThanOrEqualTo(size);
        assertThat(lb.padTop() + lb.resizedHeight()).isLessThanOrEqualTo(size);
        Box src = new Box(w * 0.1, h * 0.2, w * 0.7, h * 0.9);
        Box back = lb.toSource(lb.toTarget(src));
        assertThat(back.x0()).isCloseTo(src.x0(), within(1e-6 * w + 1e-9));
        assertThat(back.y1()).isCloseTo(src.y1(), within(1e-6 * h + 1e-9));
    }
}
