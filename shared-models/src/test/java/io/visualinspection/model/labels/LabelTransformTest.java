package io.visualinspection.model.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visualinspection.model.Box;
import io.visualinspection.model.labels.LabelTransform.Mirror;
import io.visualinspection.model.testing.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class LabelTransformTest {

    private static final Box BOX = new Box(0.1, 0.2, 0.4, 0.3);

    @Test
    void knownAnswers() {
        assertThat(LabelTransform.rotation(90).apply(BOX)).isEqualTo(new Box(0.7, 0.1, 1 - 0.2, 0.4));
        assertThat(LabelTransform.rotation(180).apply(BOX)).isEqualTo(new Box(1 - 0.4, 0.7, 0.9, 0.8));
        assertThat(LabelTransform.rotation(270).apply(BOX)).isEqualTo(new Box(0.2, 1 - 0.4, 0.3, 0.9));
        assertThat(LabelTransform.mirroring(Mirror.HORIZONTAL).apply(BOX)).isEqualTo(new Box(1 - 0.4, 0.2, 0.9, 0.3));
        assertThat(LabelTransform.mirroring(Mirror.VERTICAL).apply(BOX)).isEqualTo(new Box(0.1, 0.7, 0.4, 0.8));
        assertThat(new LabelTransform(90, Mirror.HORIZONTAL).apply(BOX)).isEqualTo(new Box(1 - 0.8, 0.1, 1 - 0.7, 0.4));
        assertThat(LabelTransform.IDENTITY.apply(BOX)).isSameAs(BOX);
    }

    @Test
    void degreesAreQuarterTurnsAndNegativeMeansCounterclockwise() {
        assertThat(LabelTransform.rotation(-90)).isEqualTo(LabelTransform.rotation(270));
        assertThat(LabelTransform.rotation(450)).isEqualTo(LabelTransform.rotation(90));
        assertThatThrownBy(() -> LabelTransform.rotation(45)).hasMessageContaining("multiple of 90");
        assertThat(LabelTransform.rotation(90).swapsSides()).isTrue();
        assertThat(new LabelTransform(180, Mirror.VERTICAL).toString())
                .isEqualTo("rotated 180 degrees clockwise, then mirrored vertical");
    }

    /** The box of a rectangle drawn on an image follows the image when Java2D rotates and mirrors it. */
    @Test
    void boxesFollowTheirImageRotatedAndMirrored() {
        BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(20, 20, 60, 10); // normalised [0.1, 0.2, 0.4, 0.3]
        g.dispose();
        for (int degrees : new int[] {0, 90, 180, 270}) {
            for (Mirror mirror : Mirror.values()) {
                LabelTransform t = new LabelTransform(degrees, mirror);
                BufferedImage moved = transformed(image, t);
                assertThat(TestImages.brightBox(moved)).as(t.toString())
                        .isEqualTo(rounded(t.apply(BOX).toPixels(moved.getWidth(), moved.getHeight())));
            }
        }
    }

    private static BufferedImage transformed(BufferedImage image, LabelTransform t) {
        int w = image.getWidth();
        int h = image.getHeight();
        int nw = t.swapsSides() ? h : w;
        int nh = t.swapsSides() ? w : h;
        AffineTransform at = new AffineTransform();
        switch (t.mirror()) {
            case HORIZONTAL -> at.concatenate(new AffineTransform(-1, 0, 0, 1, nw, 0));
            case VERTICAL -> at.concatenate(new AffineTransform(1, 0, 0, -1, 0, nh));
            case NONE -> { }
        }
        switch (t.degreesClockwise()) {
            case 90 -> at.concatenate(new AffineTransform(0, 1, -1, 0, h, 0));
            case 180 -> at.concatenate(new AffineTransform(-1, 0, 0, -1, w, h));
            case 270 -> at.concatenate(new AffineTransform(0, -1, 1, 0, 0, w));
            default -> { }
        }
        BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, at, null);
        g.dispose();
        return out;
    }

    private static Box rounded(Box b) {
        return new Box(Math.round(b.x0()), Math.round(b.y0()), Math.round(b.x1()), Math.round(b.y1()));
    }
}
