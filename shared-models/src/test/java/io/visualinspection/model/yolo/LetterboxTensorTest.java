package io.visualinspection.model.yolo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
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
