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
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Drawn inspections compared with reviewed reference images, pixel by pixel within a tolerance (text
 * anti-aliasing differs slightly between font renderers). To accept a deliberate change of the drawing,
 * run with {@code -Dgolden.update=true}, look at the new files in src/test/resources/golden, commit them.
 */
class GoldenImageTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    /** A channel differing by more than this counts the pixel as different. */
    static final int CHANNEL_TOLERANCE = 60;
    /** At most this share of pixels may differ. */
    static final double MAX_DIFFERENT = 0.01;

    static final Pattern TWO_PARTS = new Pattern("board", List.of(new PatternVariant("front", List.of(
            new PatternItem(0, new Box(0.15, 0.30, 0.30, 0.70), new Box(0.05, 0.20, 0.40, 0.80)),
            new PatternItem(2, new Box(0.65, 0.35, 0.80, 0.65), new Box(0.55, 0.25, 0.95, 0.75))))));

    static BufferedImage scene() {
        BufferedImage img = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(40, 60, 90), 480, 320, new Color(150, 160, 170)));
        g.fillRect(0, 0, 480, 320);
        g.setColor(new Color(200, 120, 40));
        g.fillOval(60, 90, 110, 140);
        g.dispose();
        return img;
    }

    @Test
    void aFailedInspectionShowsDetectionsTheMissingBoundsAndARedBanner() throws Exception {
        List<Detection> detections = List.of(
                new Detection(new Box(50, 80, 180, 240), 0, 0.91f),
                new Detection(new Box(300, 10, 360, 60), 5, 0.42f));
        PatternCheckResult check = PatternMatcher.checkPixels(TWO_PARTS, detections, 480, 320, 0.5, null);
        assertThat(check.decision()).isFalse();
        BufferedImage drawn = InspectionRenderer.draw(scene(), detections, id -> id == 0 ? "person" : "bus",
                TWO_PARTS, check);
        compare(drawn, "inspection-nok.png");
    }

    @Test
    void aPassedInspectionShowsAGreenBanner() throws Exception {
        List<Detection> detections = List.of(
                new Detection(new Box(50, 80, 180, 240), 0, 0.91f),
                new Detection(new Box(290, 100, 420, 220), 2, 0.77f));
        PatternCheckResult check = PatternMatcher.checkPixels(TWO_PARTS, detections, 480, 320, 0.5, null);
        assertThat(check.decision()).isTrue();
        BufferedImage drawn = InspectionRenderer.draw(scene(), detections, id -> id == 0 ? "person" : "car",
                TWO_PARTS, check);
        compare(drawn, "inspection-ok.png");
    }

    private static void compare(BufferedImage actual, String name) throws Exception {
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
            Files.createDirectories(GOLDEN);
            ImageIO.write(actual, "png", golden.toFile());
            assertThat(Boolean.getBoolean("golden.update")).as("reference " + golden + " was missing; written now: "
                    + "review it and commit it").isTrue();
        }
        BufferedImage expected = ImageIO.read(golden.toFile());
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        long different = 0;
        for (int y = 0; y < actual.getHeight(); y++) {
            for (int x = 0; x < actual.getWidth(); x++) {
                int a = actual.getRGB(x, y);
                int e = expected.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    if (Math.abs(((a >> shift) & 0xff) - ((e >> shift) & 0xff)) > CHANNEL_TOLERANCE) {
                        different++;
                        break;
                    }
                }
            }
        }
        double share = (double) different / (actual.getWidth() * actual.getHeight());
        if (share > MAX_DIFFERENT) {
            Path out = Path.of("target", "golden-actual-" + name);
            Files.createDirectories(out.getParent());
            ImageIO.write(actual, "png", out.toFile());
        }
        assertThat(share).as(name + ": share of different pixels (actual written to target/)")
                .isLessThanOrEqualTo(MAX_DIFFERENT);
    }
}
