package io.visualinspection.model.render;

import java.awt.Color;

/** A fixed colour per class id, so a class looks the same on every image and in every tool. */
public final class ClassColors {

    // Ultralytics' 20-colour palette: distinct on photos, familiar to anyone who used YOLO.
    private static final int[] PALETTE = {
        0xFF3838, 0xFF9D97, 0xFF701F, 0xFFB21D, 0xCFD231, 0x48F90A, 0x92CC17, 0x3DDB86, 0x1A9334, 0x00D4BB,
        0x2C99A8, 0x00C2FF, 0x344593, 0x6473FF, 0x0018EC, 0x8438FF, 0x520085, 0xCB38FF, 0xFF95C8, 0xFF37C7,
    };

    private ClassColors() {
    }

    public static Color of(int classId) {
        return new Color(PALETTE[Math.floorMod(classId, PALETTE.length)]);
    }

    /** Black or white, whichever reads better on {@code background}. */
    public static Color textOn(Color background) {
        double luminance = 0.299 * background.getRed() + 0.587 * background.getGreen() + 0.114 * background.getBlue();
        return luminance > 150 ? Color.BLACK : Color.WHITE;
    }
}
