package io.visualinspection.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BoxTest {

    @Test
    void serialisesAsTheFourNumberArrayOfTheSpec() throws Exception {
        String json = Json.mapper().writeValueAsString(new Box(1, 2, 3.5, 4));
        assertThat(json).isEqualTo("[1.0,2.0,3.5,4.0]");
        assertThat(Json.mapper().readValue("[1,2,3.5,4]", Box.class)).isEqualTo(new Box(1, 2, 3.5, 4));
    }

    @Test
    void refusesAnArrayOfTheWrongLength() {
        assertThatThrownBy(() -> Json.mapper().readValue("[1,2,3]", Box.class))
                .hasMessageContaining("4 numbers");
    }

    /** A corner may lie outside the image (a tolerant outer bound), but not a whole image size beyond it. */
    @Test
    void aNormalisedBoxMayReachOneImageSizeBeyondTheImage() {
        Box tolerant = new Box(-1, -0.1, 1.1, 2);
        assertThat(tolerant.requireNormalised("outer")).isSameAs(tolerant);
        assertThatThrownBy(() -> new Box(0.1, 0.1, 2.01, 0.5).requireNormalised("coordinates[3]"))
                .hasMessage("coordinates[3] must be normalised to the image size (0..1, at most one image size "
                        + "beyond it), got [0.1000, 0.1000, 2.010, 0.5000]; in pixels? divide x by the image's width and y by "
                        + "its height");
        assertThatThrownBy(() -> new Box(-1.5, 0, 0.5, 0.5).requireNormalised("inner"))
                .hasMessageStartingWith("inner must be normalised");
    }

    @Test
    void iouOfIdenticalDisjointAndHalfOverlappingBoxes() {
        Box a = new Box(0, 0, 10, 10);
        assertThat(a.iou(a)).isEqualTo(1.0);
        assertThat(a.iou(new Box(20, 20, 30, 30))).isZero();
        assertThat(a.iou(new Box(5, 0, 15, 10))).isCloseTo(50.0 / 150.0, within(1e-12));
        assertThat(a.iou(new Box(10, 0, 20, 10))).as("touching edges do not overlap").isZero();
    }

    @Test
    void liesBetweenIsInclusiveOnEveryEdge() {
        Box inner = new Box(0.4, 0.4, 0.6, 0.6);
        Box outer = new Box(0.2, 0.2, 0.8, 0.8);
        assertThat(new Box(0.2, 0.2, 0.8, 0.8).liesBetween(inner, outer)).isTrue();
        assertThat(new Box(0.4, 0.4, 0.6, 0.6).liesBetween(inner, outer)).isTrue();
        assertThat(new Box(0.19, 0.3, 0.7, 0.7).liesBetween(inner, outer)).as("left edge outside outer").isFalse();
        assertThat(new Box(0.3, 0.3, 0.81, 0.7).liesBetween(inner, outer)).as("right edge outside outer").isFalse();
        assertThat(new Box(0.41, 0.3, 0.7, 0.7).liesBetween(inner, outer)).as("left edge inside inner").isFalse();
        assertThat(new Box(0.3, 0.3, 0.7, 0.59).liesBetween(inner, outer)).as("bottom edge inside inner").isFalse();
    }

    @Test
    void normalisingAndBackGivesTheSameBox() {
        Box px = new Box(64, 42.7, 320, 213.5);
        Box n = px.normalised(640, 427);
        assertThat(n.x1()).isCloseTo(0.5, within(1e-12));
        Box back = n.toPixels(640, 427);
        assertThat(back.x0()).isCloseTo(px.x0(), within(1e-9));
        assertThat(back.y1()).isCloseTo(px.y1(), within(1e-9));
    }

    @Test
    void orderIsCheckedWhereAProperBoxIsRequired() {
        Box inverted = new Box(5, 0, 1, 10);
        assertThat(inverted.isOrdered()).isFalse();
        assertThatThrownBy(() -> new Detection(inverted, 0, 0.9f)).hasMessageContaining("x0 <= x1");
        assertThatThrownBy(() -> new Box(Double.NaN, 0, 1, 1)).hasMessageContaining("finite");
    }

    @Test
    void clippingAndExpandingStayWithinLimits() {
        assertThat(new Box(-5, -1, 700, 500).clippedTo(640, 427)).isEqualTo(new Box(0, 0, 640, 427));
        assertThat(new Box(10, 10, 20, 20).expanded(2, 3)).isEqualTo(new Box(8, 7, 22, 23));
        Box shrunkPastZero = new Box(10, 10, 20, 20).expanded(-8, -1);
        assertThat(shrunkPastZero.isOrdered()).isTrue();
        assertThat(shrunkPastZero.width()).isZero();
    }
}
