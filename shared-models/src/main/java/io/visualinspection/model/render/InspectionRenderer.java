package io.visualinspection.model.render;

import io.visualinspection.model.Box;
import io.visualinspection.model.ClassNames;
import io.visualinspection.model.Detection;
import io.visualinspection.model.pattern.Pattern;
import io.visualinspection.model.pattern.PatternCheckResult;
import io.visualinspection.model.pattern.PatternItem;
import io.visualinspection.model.pattern.PatternVariant;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Draws an inspection onto a copy of its image: each detection in its class colour with a label (name,
 * score); for a failed check, the inner (dashed) and outer bounds of every item that was not found; and a
 * banner with OK/NOK, the pattern and n/m items. Sizes scale with the image so labels stay readable from
 * a 320-px thumbnail to a 20-megapixel frame.
 */
public final class InspectionRenderer {

    static final Color OK = new Color(0x1B8A3A);
    static final Color NOK = new Color(0xC62828);
    static final Color NONE = new Color(0x616161);
    // Not in the class palette, so a missing item never looks like a detection.
    static final Color MISSING = new Color(0xFFEA00);

    private InspectionRenderer() {
    }

    /** The image as a new RGB image with only the detections drawn. */
    public static BufferedImage drawDetections(BufferedImage image, List<Detection> detections, ClassNames names) {
        return draw(image, detections, names::nameOf, null, null);
    }

    /**
     * The image as a new RGB image with detections (pixels), the pattern check and a result banner.
     *
     * @param pattern the pattern checked, or null; {@code check} may also be null (nothing checked)
     */
    public static BufferedImage draw(BufferedImage image, List<Detection> detections, IntFunction<String> nameOf,
            Pattern pattern, PatternCheckResult check) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int shortSide = Math.min(w, h);
            float line = Math.max(2f, shortSide / 250f);
            Font font = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(11, Math.round(shortSide / 32f)));
            g.setFont(font);
            // Labels never hide under the banner.
            int top = check != null ? bannerHeight(g.getFontMetrics()) : 0;

            if (pattern != null && check != null && Boolean.FALSE.equals(check.decision())) {
                drawMissingItems(g, pattern.variant(check.patternName()), check, w, h, line);
            }
            for (Detection d : detections) {
                Color colour = ClassColors.of(d.classId());
                drawBox(g, d.box(), colour, new BasicStroke(line));
                String label = nameOf.apply(d.classId()) + String.format(Locale.ROOT, " %.2f", d.score());
                drawLabel(g, label, d.box(), colour, w, h, top);
            }
            if (check != null) {
                drawBanner(g, check, w);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void drawMissingItems(Graphics2D g, PatternVariant variant, PatternCheckResult check, int w,
            int h, float line) {
        if (variant == null) {
            return;
        }
        Stroke solid = new BasicStroke(line);
        Stroke dashed = new BasicStroke(line, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4 * line, 3 * line}, 0f);
        List<PatternItem> items = variant.items();
        for (int i = 0; i < items.size(); i++) {
            if (i < check.lg().size() && check.lg().get(i)) {
                continue;
            }
            PatternItem item = items.get(i);
            drawBox(g, item.outer().toPixels(w, h), MISSING, solid);
            drawBox(g, item.inner().toPixels(w, h), MISSING, dashed);
        }
    }

    private static void drawBox(Graphics2D g, Box b, Color colour, Stroke stroke) {
        g.setColor(colour);
        g.setStroke(stroke);
        // An inverted inner bound is still drawn where its edges are.
        int x = (int) Math.round(Math.min(b.x0(), b.x1()));
        int y = (int) Math.round(Math.min(b.y0(), b.y1()));
        int bw = (int) Math.round(Math.abs(b.width()));
        int bh = (int) Math.round(Math.abs(b.height()));
        g.drawRect(x, y, bw, bh);
    }

    private static void drawLabel(Graphics2D g, String text, Box b, Color colour, int w, int h, int top) {
        FontMetrics fm = g.getFontMetrics();
        int tw = fm.stringWidth(text) + 6;
        int th = fm.getAscent() + fm.getDescent() + 2;
        int x = (int) Math.max(0, Math.min(b.x0(), w - tw));
        // Above the box where there is room, else inside its top edge; always below the banner.
        int y = (int) (b.y0() - th >= top ? b.y0() - th : Math.max(top, Math.min(b.y0(), h - th)));
        g.setColor(colour);
        g.fillRect(x, y, tw, th);
        g.setColor(ClassColors.textOn(colour));
        g.drawString(text, x + 3, y + 1 + fm.getAscent());
    }

    private static int bannerHeight(FontMetrics fm) {
        return fm.getAscent() + fm.getDescent() + 8;
    }

    private static void drawBanner(Graphics2D g, PatternCheckResult check, int w) {
        Boolean decision = check.decision();
        String verdict = decision == null ? "NO PATTERN" : decision ? "OK" : "NOK";
        String detail = decision == null ? check.reason()
                : check.patternKey() + (check.patternName() != null ? " / " + check.patternName() : "") + "  "
                        + check.matchedItems() + "/" + check.totalItems();
        String text = verdict + "  " + (detail == null ? "" : detail);
        FontMetrics fm = g.getFontMetrics();
        int th = bannerHeight(fm);
        g.setColor(decision == null ? NONE : decision ? OK : NOK);
        g.fillRect(0, 0, w, th);
        g.setColor(Color.WHITE);
        g.drawString(text, 6, 4 + fm.getAscent());
    }
}
