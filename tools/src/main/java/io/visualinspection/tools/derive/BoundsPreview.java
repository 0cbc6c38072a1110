package io.visualinspection.tools.derive;

import io.visualinspection.model.Box;
import io.visualinspection.model.Detection;
import io.visualinspection.model.pattern.PatternItem;
import io.visualinspection.model.pattern.PatternVariant;
import io.visualinspection.model.render.ClassColors;
import io.visualinspection.model.render.InspectionRenderer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A reference image with its objects (as the renderer draws detections) and every item's bounds on top, in the
 * item's class colour: the outer bound solid, the inner bound dashed, numbered in pattern order.
 */
public final class BoundsPreview {

    private BoundsPreview() {
    }

    public static BufferedImage draw(BufferedImage image, List<Detection> pixelDetections, IntFunction<String> nameOf,
            PatternVariant variant) {
        BufferedImage out = InspectionRenderer.draw(image, pixelDetections, nameOf, null, null);
        int w = out.getWidth();
        int h = out.getHeight();
        int shortSide = Math.min(w, h);
        float line = Math.max(2f, shortSide / 250f);
        Stroke solid = new BasicStroke(line);
        Stroke dashed = new BasicStroke(line, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4 * line, 3 * line}, 0f);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, Math.round(shortSide / 40f))));
            FontMetrics fm = g.getFontMetrics();
            List<PatternItem> items = variant.items();
            for (int i = 0; i < items.size(); i++) {
                PatternItem item = items.get(i);
                Color colour = ClassColors.of(item.classId());
                Box outer = item.outer().toPixels(w, h);
                rect(g, outer, colour, solid);
                rect(g, item.inner().toPixels(w, h), colour, dashed);
                String label = "#" + (i + 1) + " " + nameOf.apply(item.classId());
                int x = (int) Math.round(outer.x0()) + (int) line;
                int y = (int) Math.round(outer.y1()) - (int) line - fm.getDescent();
                g.setColor(colour);
                g.fillRect(x, y - fm.getAscent(), fm.stringWidth(label) + 4, fm.getAscent() + fm.getDescent());
                g.setColor(ClassColors.textOn(colour));
                g.drawString(label, x + 2, y);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void rect(Graphics2D g, Box b, Color colour, Stroke stroke) {
        g.setColor(colour);
        g.setStroke(stroke);
        // An inverted inner bound is drawn where its edges are.
        g.drawRect((int) Math.round(Math.min(b.x0(), b.x1())), (int) Math.round(Math.min(b.y0(), b.y1())),
                (int) Math.round(Math.abs(b.width())), (int) Math.round(Math.abs(b.height())));
    }
}
