package io.visualinspection.tools.evaluate;

import io.visualinspection.model.Detection;
import io.visualinspection.model.labels.LabelledObject;
import io.visualinspection.model.pattern.Pattern;
import io.visualinspection.model.render.InspectionRenderer;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.IntFunction;

/**
 * An image decided differently from its labels and from the predictions, drawn twice side by side as the
 * backend draws an inspection (objects, the bounds of the items not found, the OK/NOK banner): the labels on
 * the left, the predictions on the right.
 */
public final class DisagreementDrawing {

    private DisagreementDrawing() {
    }

    public static BufferedImage draw(BufferedImage image, Pattern pattern, ImageResult result,
            List<LabelledObject> labels, List<LabelledObject> predictions, double minScore,
            IntFunction<String> nameOf) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage left = InspectionRenderer.draw(image, pixels(labels, w, h, 0), nameOf, pattern, result.labels());
        BufferedImage right = InspectionRenderer.draw(image, pixels(predictions, w, h, minScore), nameOf, pattern,
                result.predictions());
        int gap = Math.max(4, w / 100);
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, Math.round(Math.min(w, h) / 28f)));
        BufferedImage out = new BufferedImage(2 * w + gap, h + font.getSize() * 2, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            int caption = font.getSize() * 2;
            g.setColor(Color.BLACK);
            g.drawString("labels", 6, (caption + fm.getAscent() - fm.getDescent()) / 2);
            g.drawString("predictions (score >= " + minScore + ")", w + gap + 6,
                    (caption + fm.getAscent() - fm.getDescent()) / 2);
            g.drawImage(left, 0, caption, null);
            g.drawImage(right, w + gap, caption, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static List<Detection> pixels(List<LabelledObject> objects, int w, int h, double minScore) {
        return objects.stream().filter(o -> o.scoreOrOne() >= minScore).map(o -> o.toPixelDetection(w, h)).toList();
    }
}
