package io.visualinspection.model.yolo;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.nio.FloatBuffer;

/**
 * Fills a model input tensor (planar RGB, NCHW, values 0..1) from an image through a {@link Letterbox}:
 * bilinear resampling with half-pixel centres (OpenCV {@code INTER_LINEAR}), padding 114/255.
 * Reads the image's own pixel buffer where it can, so the only copy is the one into the tensor.
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
        PixelReader pixels = PixelReader.of(image);
        int tw = lb.targetWidth();
        int th = lb.targetHeight();
        int plane = tw * th;
        int base = out.position();
        float[] row = new float[3 * tw];

        // Horizontal sampling positions are the same for every row: compute them once.
        int nw = lb.resizedWidth();
        int[] x0s = new int[nw];
        int[] x1s = new int[nw];
        float[] fxs = new float[nw];
        samplePositions(lb.sourceWidth(), nw, x0s, x1s, fxs);
        int nh = lb.resizedHeight();
        int[] y0s = new int[nh];
        int[] y1s = new int[nh];
        float[] fys = new float[nh];
        samplePositions(lb.sourceHeight(), nh, y0s, y1s, fys);

        boolean identity = nw == lb.sourceWidth() && nh == lb.sourceHeight();
        int[] rgb0 = new int[3];
        int[] rgb1 = new int[3];
        int[] rgb2 = new int[3];
        int[] rgb3 = new int[3];
        for (int ty = 0; ty < th; ty++) {
            int ry = ty - lb.padTop();
            java.util.Arrays.fill(row, PAD);
            if (ry >= 0 && ry < nh) {
                int sy0 = y0s[ry];
                int sy1 = y1s[ry];
                float fy = fys[ry];
                for (int rx = 0; rx < nw; rx++) {
                    int tx = rx + lb.padLeft();
                    if (identity) {
                        pixels.rgb(rx, ry, rgb0);
                        row[tx] = UNIT[rgb0[0]];
                        row[tw + tx] = UNIT[rgb0[1]];
                        row[2 * tw + tx] = UNIT[rgb0[2]];
                        continue;
                    }
                    int sx0 = x0s[rx];
                    int sx1 = x1s[rx];
                    float fx = fxs[rx];
                    pixels.rgb(sx0, sy0, rgb0);
                    pixels.rgb(sx1, sy0, rgb1);
                    pixels.rgb(sx0, sy1, rgb2);
                    pixels.rgb(sx1, sy1, rgb3);
                    for (int c = 0; c < 3; c++) {
                        float top = rgb0[c] + (rgb1[c] - rgb0[c]) * fx;
                        float bottom = rgb2[c] + (rgb3[c] - rgb2[c]) * fx;
                        // Round to 8 bits as OpenCV does for 8-bit images, then scale.
                        int v = Math.round(top + (bottom - top) * fy);
                        row[c * tw + tx] = UNIT[Math.max(0, Math.min(255, v))];
                    }
                }
            }
            for (int c = 0; c < 3; c++) {
                out.put(base + c * plane + ty * tw, row, c * tw, tw);
            }
        }
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

    /** Reads RGB of one pixel from the image's own buffer when its layout is a common one. */
    private interface PixelReader {
        void rgb(int x, int y, int[] out);

        static PixelReader of(BufferedImage image) {
            int w = image.getWidth();
            boolean plain = image.getRaster().getSampleModelTranslateX() == 0
                    && image.getRaster().getSampleModelTranslateY() == 0
                    && image.getRaster().getDataBuffer().getOffset() == 0;
            switch (plain ? image.getType() : BufferedImage.TYPE_CUSTOM) {
                case BufferedImage.TYPE_3BYTE_BGR -> {
                    byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
                    return (x, y, out) -> {
                        int i = 3 * (y * w + x);
                        out[0] = data[i + 2] & 0xff;
                        out[1] = data[i + 1] & 0xff;
                        out[2] = data[i] & 0xff;
                    };
                }
                case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> {
                    int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
                    return (x, y, out) -> {
                        int p = data[y * w + x];
                        out[0] = (p >> 16) & 0xff;
                        out[1] = (p >> 8) & 0xff;
                        out[2] = p & 0xff;
                    };
                }
                default -> {
                    return (x, y, out) -> {
                        int p = image.getRGB(x, y);
                        out[0] = (p >> 16) & 0xff;
                        out[1] = (p >> 8) & 0xff;
                        out[2] = p & 0xff;
                    };
                }
            }
        }
    }
}
