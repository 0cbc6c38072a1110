package io.visualinspection.model.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.visualinspection.model.Box;
import io.visualinspection.model.Detection;
import io.visualinspection.model.pattern.Pattern;
import io.visualinspection.model.pattern.PatternCheckResult;
import io.visualinspection.model.pattern.PatternItem;
import io.visualinspection.model.pattern.PatternMatcher;
import io.visualinspection.model.pattern.PatternVariant;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class InspectionRendererTest {

    static final Pattern ONE_CAT = new Pattern("cat", List.of(new PatternVariant("v", List.of(
            new PatternItem(15, new Box(0.4, 0.4, 0.6, 0.6), new Box(0.2, 0.2, 0.8, 0.8))))));

    @Test
    void drawsDetectionsInTheirClassColourOnACopy() {
        BufferedImage img = grey(400, 300);
        Detection cat = new Detection(new Box(100, 150, 300, 280), 15, 0.9f);
        BufferedImage out = InspectionRenderer.draw(img, List.of(cat), id -> "cat", null, null);
        assertThat(out).isNotSameAs(img);
        assertThat(img.getRGB(100, 200)).as("the input stays untouched").isEqualTo(0xFF808080);
        assertThat(near(out.getRGB(100, 200), ClassColors.of(15))).as("left edge of the box").isTrue();
        assertThat(near(out.getRGB(200, 200), new Color(0x808080))).as("inside the box").isTrue();
    }

    @Test
    void aPassingCheckGetsAGreenBannerAndAFailingOneARedBannerWithTheMissingBounds() {
        BufferedImage img = grey(400, 300);
        Detection inside = new Detection(new Box(120, 90, 280, 210), 15, 0.9f);
        PatternCheckResult pass = PatternMatcher.checkPixels(ONE_CAT, List.of(inside), 400, 300, 0.5, null);
        BufferedImage ok = InspectionRenderer.draw(img, List.of(inside), id -> "cat", ONE_CAT, pass);
        assertThat(near(ok.getRGB(399, 2), InspectionRenderer.OK)).isTrue();

        PatternCheckResult fail = PatternMatcher.checkPixels(ONE_CAT, List.of(), 400, 300, 0.5, null);
        BufferedImage nok = InspectionRenderer.draw(img, List.of(), id -> "cat", ONE_CAT, fail);
        assertThat(near(nok.getRGB(399, 2), InspectionRenderer.NOK)).isTrue();
        // Outer bound of the missing item: x from 80 to 320, y from 60 to 240; left edge at x = 80.
        assertThat(near(nok.getRGB(80, 150), InspectionRenderer.MISSING)).isTrue();
        assertThat(near(ok.getRGB(80, 150), new Color(0x808080))).as("not drawn when passing").isTrue();
    }

    @Test
    void labelsScaleWithTheImage() {
        Detection small = new Detection(new Box(10, 40, 50, 60), 0, 0.5f);
        int smallLabelRows = labelRows(InspectionRenderer.draw(grey(320, 240), List.of(small), id -> "person", null, null), small);
        Detection big = new Detection(new Box(100, 400, 500, 600), 0, 0.5f);
        int bigLabelRows = labelRows(InspectionRenderer.draw(grey(3200, 2400), List.of(big), id -> "person", null, null), big);
        assertThat(smallLabelRows).as("readable on a thumbnail").isGreaterThanOrEqualTo(12);
        assertThat(bigLabelRows).isGreaterThan(5 * smallLabelRows);
    }

    /** Rows of label background in the label's left padding, above the box's top edge line. */
    private static int labelRows(BufferedImage img, Detection d) {
        int x = (int) d.box().x0() + 1;
        int rows = 0;
        double line = Math.max(2, Math.min(img.getWidth(), img.getHeight()) / 250.0);
        for (int y = 0; y < d.box().y0() - 2 * line; y++) {
            if (near(img.getRGB(x, y), ClassColors.of(0))) {
                rows++;
            }
        }
        return rows;
    }

    private static BufferedImage grey(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x808080));
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    private static boolean near(int argb, Color c) {
        Color p = new Color(argb);
        return Math.abs(p.getRed() - c.getRed()) < 30 && Math.abs(p.getGreen() - c.getGreen()) < 30
                && Math.abs(p.getBlue() - c.getBlue()) < 30;
    }
}
