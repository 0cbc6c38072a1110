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
            UNIT[i] = i / 255f;
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
        int[] upper = new int[sw];
        int[] lower = new int[sw];
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
            // Keep the two source rows this target row blends; consecutive target rows often share them.
            int sy0 = y0s[ry];
            int sy1 = y1s[ry];
            if (upperRow != sy0) {
                if (lowerRow == sy0) {
                    int[] t = upper;
                    upper = lower;
                    lower = t;
                    lowerRow = upperRow;
                } else {
                    rows.read(sy0, upper);
                }
                upperRow = sy0;
            }
            if (lowerRow != sy1) {
                rows.read(sy1, lower);
                lowerRow = sy1;
            }
            Arrays.fill(r, 0, tw, PAD);
            Arrays.fill(g, 0, tw, PAD);
            Arrays.fill(b, 0, tw, PAD);
            int left = lb.padLeft();
            if (identity) {
                for (int x = 0; x < nw; x++) {
                    int p = upper[x];
                    r[left + x] = UNIT[(p >> 16) & 0xff];
                    g[left + x] = UNIT[(p >> 8) & 0xff];
                    b[left + x] = UNIT[p & 0xff];
                }
            } else {
                float fy = fys[ry];
                for (int x = 0; x < nw; x++) {
                    int a = upper[x0s[x]];
                    int c = upper[x1s[x]];
                    int d = lower[x0s[x]];
                    int e = lower[x1s[x]];
                    float fx = fxs[x];
                    r[left + x] = UNIT[blend((a >> 16) & 0xff, (c >> 16) & 0xff, (d >> 16) & 0xff, (e >> 16) & 0xff, fx, fy)];
                    g[left + x] = UNIT[blend((a >> 8) & 0xff, (c >> 8) & 0xff, (d >> 8) & 0xff, (e >> 8) & 0xff, fx, fy)];
                    b[left + x] = UNIT[blend(a & 0xff, c & 0xff, d & 0xff, e & 0xff, fx, fy)];
                }
            }
            out.put(offset, r, 0, tw);
            out.put(offset + plane, g, 0, tw);
            out.put(offset + 2 * plane, b, 0, tw);
        }
    }

    /** Bilinear blend of four 8-bit samples, rounded back to 8 bits as OpenCV does for 8-bit images. */
    private static int blend(int topLeft, int topRight, int bottomLeft, int bottomRight, float fx, float fy) {
        float top = topLeft + (topRight - topLeft) * fx;
        float bottom = bottomLeft + (bottomRight - bottomLeft) * fx;
        int v = Math.round(top + (bottom - top) * fy);
        return Math.max(0, Math.min(255, v));
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

    /** Reads one source row as 0xRRGGBB ints, from the image's own buffer when its layout is a common one. */
    private interface RowReader {
        void read(int y, int[] row);

        static RowReader of(BufferedImage image) {
            int w = image.getWidth();
            boolean plain = image.getRaster().getSampleModelTranslateX() == 0
                    && image.getRaster().getSampleModelTranslateY() == 0
                    && image.getRaster().getDataBuffer().getOffset() == 0;
            switch (plain ? image.getType() : BufferedImage.TYPE_CUSTOM) {
                case BufferedImage.TYPE_3BYTE_BGR -> {
                    byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
                    return (y, row) -> {
                        int i = 3 * y * w;
                        for (int x = 0; x < w; x++, i += 3) {
                            row[x] = (data[i + 2] & 0xff) << 16 | (data[i + 1] & 0xff) << 8 | (data[i] & 0xff);
                        }
                    };
                }
                case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> {
                    int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
                    return (y, row) -> System.arraycopy(data, y * w, row, 0, w);
                }
                default -> {
                    return (y, row) -> image.getRGB(0, y, w, 1, row, 0, w);
                }
            }
        }
    }
}
