package io.visualinspection.model.yolo;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Fills a model input tensor (planar RGB, NCHW, values 0..1) from an image through a {@link Letterbox}:
 * bilinear resampling with half-pixel centres (OpenCV {@code INTER_LINEAR}, 8-bit rounding), padding
 * 114/255. Source rows are read straight from the image's pixel buffer where its layout allows, and each
 * target row is written to the tensor with one bulk copy per colour plane.
 */
public final class LetterboxTensor {

    /** The grey of the padding (Ultralytics' convention), as a tensor value. */
    public static final float PAD = 114f / 255f;

    private static final float[] UNIT = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            UNIT[i] = i / 255f; // the same values as roundToByte(v) / 255f in the resampling loop
        }
    }

    private LetterboxTensor() {
    }

    /** The number of floats an input tensor of this letterbox holds (3 planes). */
    public static int size(Letterbox lb) {
        return 3 * lb.targetWidth() * lb.targetHeight();
    }

    /**
     * Writes the letterboxed image into {@code out} from its current position, which must have room for
     * {@link #size}. The position is left unchanged; the buffer can be reused between images.
     */
    public static void fill(BufferedImage image, Letterbox lb, FloatBuffer out) {
        if (image.getWidth() != lb.sourceWidth() || image.getHeight() != lb.sourceHeight()) {
            throw new IllegalArgumentException("letterbox was made for " + lb.sourceWidth() + "x"
                    + lb.sourceHeight() + ", image is " + image.getWidth() + "x" + image.getHeight());
        }
        RowReader rows = RowReader.of(image);
        int tw = lb.targetWidth();
        int th = lb.targetHeight();
        int plane = tw * th;
        int base = out.position();
        int nw = lb.resizedWidth();
        int nh = lb.resizedHeight();
        int sw = lb.sourceWidth();
        boolean identity = nw == sw && nh == lb.sourceHeight();

        int[] x0s = new int[nw];
        int[] x1s = new int[nw];
        float[] fxs = new float[nw];
        samplePositions(sw, nw, x0s, x1s, fxs);
        int[] y0s = new int[nh];
        int[] y1s = new int[nh];
        float[] fys = new float[nh];
        samplePositions(lb.sourceHeight(), nh, y0s, y1s, fys);

        float[] r = new float[tw];
        float[] g = new float[tw];
        float[] b = new float[tw];
        float[] padRow = new float[tw];
        Arrays.fill(padRow, PAD);
        int left = lb.padLeft();
        // Bilinear resampling is separable: each source row is first blended horizontally (once, and kept
        // while consecutive target rows use it), then two such rows are blended vertically per target row.
        // The arithmetic is the same as blending the four neighbours per pixel, in the same order.
        float[][] upper = identity ? null : new float[3][nw];
        float[][] lower = identity ? null : new float[3][nw];
        int upperRow = -1;
        int lowerRow = -1;

        for (int ty = 0; ty < th; ty++) {
            int ry = ty - lb.padTop();
            int offset = base + ty * tw;
            if (ry < 0 || ry >= nh) {
                out.put(offset, padRow, 0, tw);
                out.put(offset + plane, padRow, 0, tw);
                out.put(offset + 2 * plane, padRow, 0, tw);
                continue;
            }
            Arrays.fill(r, 0, left, PAD);
            Arrays.fill(g, 0, left, PAD);
            Arrays.fill(b, 0, left, PAD);
            Arrays.fill(r, left + nw, tw, PAD);
            Arrays.fill(g, left + nw, tw, PAD);
            Arrays.fill(b, left + nw, tw, PAD);
            if (identity) {
                rows.unit(ry, r, g, b, left);
            } else {
                int sy0 = y0s[ry];
                int sy1 = y1s[ry];
                if (upperRow != sy0) {
                    if (lowerRow == sy0) {
                        float[][] t = upper;
                        upper = lower;
                        lower = t;
                        lowerRow = upperRow;
                    } else {
                        rows.blend(sy0, x0s, x1s, fxs, upper);
                    }
                    upperRow = sy0;
                }
                if (lowerRow != sy1) {
                    rows.blend(sy1, x0s, x1s, fxs, lower);
                    lowerRow = sy1;
                }
                float fy = fys[ry];
                vertical(upper[0], lower[0], fy, r, left, nw);
                vertical(upper[1], lower[1], fy, g, left, nw);
                vertical(upper[2], lower[2], fy, b, left, nw);
            }
            out.put(offset, r, 0, tw);
            out.put(offset + plane, g, 0, tw);
            out.put(offset + 2 * plane, b, 0, tw);
        }
    }

    /** Two horizontally blended rows blended vertically and rounded to 8 bits, as OpenCV does for 8-bit images. */
    private static void vertical(float[] top, float[] bottom, float fy, float[] out, int left, int n) {
        // No table look-up and no branch here, so that the JIT can vectorise the loop.
        for (int x = 0; x < n; x++) {
            float t = top[x];
            out[left + x] = roundToByte(t + (bottom[x] - t) * fy) / 255f;
        }
    }

    /**
     * {@link Math#round(float)} for 0 <= v <= 255 (blends of 8-bit samples stay in that range), in a form the
     * JIT vectorises. Adding 0.5f would round 0.49999997f up to 1; adding the float just below 0.5 gives
     * Math.round's result for every float in the range (checked for all of them by the test).
     */
    static int roundToByte(float v) {
        return (int) (v + 0.49999997f);
    }

    /** Half-pixel-centre source positions for each of {@code dst} samples across {@code src} pixels. */
    private static void samplePositions(int src, int dst, int[] lo, int[] hi, float[] frac) {
        double scale = (double) src / dst;
        for (int i = 0; i < dst; i++) {
            double f = (i + 0.5) * scale - 0.5;
            int s = (int) Math.floor(f);
            double t = f - s;
            if (s < 0) {
                s = 0;
                t = 0;
            }
            if (s >= src - 1) {
                s = src - 1;
                t = 0;
            }
            lo[i] = s;
            hi[i] = Math.min(s + 1, src - 1);
            frac[i] = (float) t;
        }
    }

    /**
     * Reads the source image: one row as tensor values, or one row blended horizontally at given columns
     * (reading only those columns, which matters when a large frame is scaled down). Straight from the
     * image's pixel buffer where its layout is a common one.
     */
    private interface RowReader {
        /** Row {@code y} as tensor values (0..1) into R, G, B planes from index {@code at}. */
        void unit(int y, float[] r, float[] g, float[] b, int at);

        /** Row {@code y} sampled between columns x0s[i] and x1s[i] at fraction fxs[i], into R, G, B planes. */
        void blend(int y, int[] x0s, int[] x1s, float[] fxs, float[][] planes);

        static RowReader of(BufferedImage image) {
            int w = image.getWidth();
            boolean plain = image.getRaster().getSampleModelTranslateX() == 0
                    && image.getRaster().getSampleModelTranslateY() == 0
                    && image.getRaster().getDataBuffer().getOffset() == 0;
            switch (plain ? image.getType() : BufferedImage.TYPE_CUSTOM) {
                case BufferedImage.TYPE_3BYTE_BGR -> {
                    byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
                    return new RowReader() {
                        @Override
                        public void unit(int y, float[] r, float[] g, float[] b, int at) {
                            int i = 3 * y * w;
                            for (int x = at; x < at + w; x++, i += 3) {
                                b[x] = UNIT[data[i] & 0xff];
                                g[x] = UNIT[data[i + 1] & 0xff];
                                r[x] = UNIT[data[i + 2] & 0xff];
                            }
                        }

                        @Override
                        public void blend(int y, int[] x0s, int[] x1s, float[] fxs, float[][] planes) {
                            float[] r = planes[0];
                            float[] g = planes[1];
                            float[] b = planes[2];
                            int rowStart = 3 * y * w;
                            for (int x = 0; x < fxs.length; x++) {
                                int i = rowStart + 3 * x0s[x];
                                int j = rowStart + 3 * x1s[x];
                                float fx = fxs[x];
                                int b0 = data[i] & 0xff;
                                int g0 = data[i + 1] & 0xff;
                                int r0 = data[i + 2] & 0xff;
                                b[x] = b0 + ((data[j] & 0xff) - b0) * fx;
                                g[x] = g0 + ((data[j + 1] & 0xff) - g0) * fx;
                                r[x] = r0 + ((data[j + 2] & 0xff) - r0) * fx;
                            }
                        }
                    };
                }
                case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> {
                    int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
                    return new IntRows(w, (y, row) -> System.arraycopy(data, y * w, row, 0, w));
                }
                default -> {
                    return new IntRows(w, (y, row) -> image.getRGB(0, y, w, 1, row, 0, w));
                }
            }
        }
    }

    /** Whole rows as ints from any image; blending reads the whole row first. */
    private static final class IntRows implements RowReader {
        private final RowSource source;
        private final int[] buffer;

        IntRows(int width, RowSource source) {
            this.source = source;
            this.buffer = new int[width];
        }

        @Override
        public void unit(int y, float[] r, float[] g, float[] b, int at) {
            source.read(y, buffer);
            for (int x = 0; x < buffer.length; x++) {
                int p = buffer[x];
                r[at + x] = UNIT[(p >> 16) & 0xff];
                g[at + x] = UNIT[(p >> 8) & 0xff];
                b[at + x] = UNIT[p & 0xff];
            }
        }

        @Override
        public void blend(int y, int[] x0s, int[] x1s, float[] fxs, float[][] planes) {
            source.read(y, buffer);
            float[] r = planes[0];
            float[] g = planes[1];
            float[] b = planes[2];
            for (int x = 0; x < fxs.length; x++) {
                int p = buffer[x0s[x]];
                int q = buffer[x1s[x]];
                float fx = fxs[x];
                int r0 = (p >> 16) & 0xff;
                int g0 = (p >> 8) & 0xff;
                int b0 = p & 0xff;
                r[x] = r0 + (((q >> 16) & 0xff) - r0) * fx;
                g[x] = g0 + (((q >> 8) & 0xff) - g0) * fx;
                b[x] = b0 + ((q & 0xff) - b0) * fx;
            }
        }
    }

    @FunctionalInterface
    private interface RowSource {
        void read(int y, int[] row);
    }
}
