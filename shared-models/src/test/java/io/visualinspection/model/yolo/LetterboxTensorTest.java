package io.visualinspection.model.yolo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LetterboxTensorTest {

    @Test
    void atScaleOneThePixelsAreCopiedIntoPlanesAndTheRestIsPadding() {
        BufferedImage img = new BufferedImage(4, 2, BufferedImage.TYPE_3BYTE_BGR);
        img.setRGB(0, 0, 0xFF0000);
        img.setRGB(3, 1, 0x00FF80);
        Letterbox lb = Letterbox.square(4, 2, 4);
        FloatBuffer t = FloatBuffer.allocate(LetterboxTensor.size(lb));
        LetterboxTensor.fill(img, lb, t);
        assertThat(lb.padTop()).isEqualTo(1);
        int plane = 16;
        assertThat(t.get(0)).as("row 0 is padding").isEqualTo(LetterboxTensor.PAD);
        assertThat(t.get(4)).as("R of pixel (0,0) at row 1").isEqualTo(1f);
        assertThat(t.get(plane + 4)).as("G of pixel (0,0)").isZero();
        assertThat(t.get(plane + 4 * 2 + 3)).as("G of pixel (3,1)").isEqualTo(1f);
        assertThat(t.get(2 * plane + 4 * 2 + 3)).as("B of pixel (3,1)").isCloseTo(128 / 255f, within(1e-6f));
        assertThat(t.get(2 * plane + 15)).as("last row is padding").isEqualTo(LetterboxTensor.PAD);
    }

    @Test
    void allPixelLayoutsGiveTheSameTensor() {
        BufferedImage bgr = gradient(BufferedImage.TYPE_3BYTE_BGR);
        Letterbox lb = Letterbox.square(bgr.getWidth(), bgr.getHeight(), 64);
        float[] reference = tensor(bgr, lb);
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_4BYTE_ABGR}) {
            assertThat(tensor(gradient(type), lb)).as("type " + type).containsExactly(reference);
        }
    }

    @Test
    void resamplingAUniformImageKeepsItsColourAndCentresIt() {
        BufferedImage img = new BufferedImage(300, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(10, 200, 30));
        g.fillRect(0, 0, 300, 100);
        g.dispose();
        Letterbox lb = Letterbox.square(300, 100, 90);
        float[] t = tensor(img, lb);
        assertThat(lb.resizedHeight()).isEqualTo(30);
        assertThat(lb.padTop()).isEqualTo(30);
        int plane = 90 * 90;
        assertThat(t[45 * 90 + 45]).isCloseTo(10 / 255f, within(1e-6f));
        assertThat(t[plane + 45 * 90 + 45]).isCloseTo(200 / 255f, within(1e-6f));
        assertThat(t[29 * 90 + 45]).isEqualTo(LetterboxTensor.PAD);
        assertThat(t[60 * 90 + 45]).isEqualTo(LetterboxTensor.PAD);
    }

    @Test
    void bilinearUpscalingUsesHalfPixelCentres() {
        // Two pixels 0 and 200 scaled to four: OpenCV gives 0, 50, 150, 200.
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0x000000);
        img.setRGB(1, 0, 0xC8C8C8);
        Letterbox lb = Letterbox.of(2, 1, 4, 2);
        float[] t = tensor(img, lb);
        assertThat(lb.padTop()).isZero();
        assertThat(new float[] {t[0], t[1], t[2], t[3]}).containsExactly(0f, 50 / 255f, 150 / 255f, 200 / 255f);
    }

    @Test
    void resamplingGivesExactlyTheFourNeighbourBlendOfEveryPixel() {
        // Random pixels, so that any mix-up of rows, columns or channels shows; scaling down, up and unevenly.
        Random random = new Random(7);
        for (int[] size : new int[][] {{97, 61, 40, 40}, {13, 9, 40, 40}, {50, 50, 64, 32}, {31, 80, 24, 24}}) {
            BufferedImage img = new BufferedImage(size[0], size[1], BufferedImage.TYPE_3BYTE_BGR);
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    img.setRGB(x, y, random.nextInt(1 << 24));
                }
            }
            Letterbox lb = Letterbox.of(size[0], size[1], size[2], size[3]);
            assertThat(tensor(img, lb)).as("%dx%d into %dx%d", size[0], size[1], size[2], size[3])
                    .containsExactly(fourNeighbourBlend(img, lb));
        }
    }

    @Test
    void roundingToAByteIsMathRoundForEveryFloatInRange() {
        long differences = 0;
        float first = Float.NaN;
        for (int bits = Float.floatToRawIntBits(0f); ; bits++) {
            float v = Float.intBitsToFloat(bits);
            if (v > 255f) {
                break;
            }
            if (LetterboxTensor.roundToByte(v) != Math.round(v)) {
                differences++;
                first = Float.isNaN(first) ? v : first;
            }
        }
        assertThat(differences).as("floats rounded unlike Math.round, the first %s", first).isZero();
    }

    /** The definition: for each target pixel, blend its four source neighbours (half-pixel centres), round. */
    private static float[] fourNeighbourBlend(BufferedImage img, Letterbox lb) {
        int tw = lb.targetWidth();
        int th = lb.targetHeight();
        float[] t = new float[3 * tw * th];
        Arrays.fill(t, LetterboxTensor.PAD);
        for (int ry = 0; ry < lb.resizedHeight(); ry++) {
            double fy = (ry + 0.5) * ((double) lb.sourceHeight() / lb.resizedHeight()) - 0.5;
            for (int rx = 0; rx < lb.resizedWidth(); rx++) {
                double fx = (rx + 0.5) * ((double) lb.sourceWidth() / lb.resizedWidth()) - 0.5;
                int x0 = clamp((int) Math.floor(fx), img.getWidth());
                int y0 = clamp((int) Math.floor(fy), img.getHeight());
                float ax = fx < 0 || x0 == img.getWidth() - 1 ? 0 : (float) (fx - x0);
                float ay = fy < 0 || y0 == img.getHeight() - 1 ? 0 : (float) (fy - y0);
                int x1 = Math.min(x0 + 1, img.getWidth() - 1);
                int y1 = Math.min(y0 + 1, img.getHeight() - 1);
                for (int c = 0; c < 3; c++) {
                    int shift = 16 - 8 * c;
                    int tl = img.getRGB(x0, y0) >> shift & 0xff;
                    int tr = img.getRGB(x1, y0) >> shift & 0xff;
                    int bl = img.getRGB(x0, y1) >> shift & 0xff;
                    int br = img.getRGB(x1, y1) >> shift & 0xff;
                    float top = tl + (tr - tl) * ax;
                    float bottom = bl + (br - bl) * ax;
                    int v = Math.round(top + (bottom - top) * ay);
                    t[c * tw * th + (ry + lb.padTop()) * tw + rx + lb.padLeft()] = v / 255f;
                }
            }
        }
        return t;
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size - 1, v));
    }

    private static float[] tensor(BufferedImage img, Letterbox lb) {
        FloatBuffer t = FloatBuffer.allocate(LetterboxTensor.size(lb));
        LetterboxTensor.fill(img, lb, t);
        return t.array();
    }

    private static BufferedImage gradient(int type) {
        BufferedImage img = new BufferedImage(37, 23, type);
        for (int y = 0; y < 23; y++) {
            for (int x = 0; x < 37; x++) {
                img.setRGB(x, y, 0xFF000000 | (x * 7 << 16) | (y * 11 << 8) | ((x + y) * 3));
            }
        }
        return img;
    }
}
