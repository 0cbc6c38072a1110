package io.visualinspection.benchmarks;

import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.model.testing.TestImages;
import io.visualinspection.model.yolo.Letterbox;
import io.visualinspection.model.yolo.LetterboxTensor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/** Decoding, letterboxing into the model's input tensor, and JPEG encoding of a camera-sized photo. */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ImageBenchmarks extends HotCodeBenchmark {

    byte[] jpeg;
    byte[] jpegWithIccProfile;
    byte[] png;
    byte[] frameJpeg;
    BufferedImage photo;
    BufferedImage large;
    BufferedImage cameraSized;
    Letterbox photoBox;
    Letterbox cameraSizedBox;
    Letterbox largeBox;
    FloatBuffer tensor;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        png = Samples.read("coffee.png");
        photo = ImageCodec.decode(png);
        jpeg = ImageCodec.encodeJpeg(photo, 90);
        jpegWithIccProfile = TestImages.withIccProfile(jpeg);
        large = new BufferedImage(1920, 1200, BufferedImage.TYPE_3BYTE_BGR);
        large.createGraphics().drawImage(photo, 0, 0, 1920, 1200, null);
        // 640 pixels wide, as the seed photos: the letterbox copies it at scale one, no resampling.
        cameraSized = new BufferedImage(640, 427, BufferedImage.TYPE_3BYTE_BGR);
        cameraSized.createGraphics().drawImage(photo, 0, 0, 640, 427, null);
        cameraSizedBox = Letterbox.square(640, 427, 640);
        photoBox = Letterbox.square(photo.getWidth(), photo.getHeight(), 640);
        largeBox = Letterbox.square(large.getWidth(), large.getHeight(), 640);
        frameJpeg = ImageCodec.encodeJpeg(large, 90);
        tensor = ByteBuffer.allocateDirect(3 * 640 * 640 * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /** As the services decode: libjpeg-turbo where the machine has it. */
    @Benchmark
    public BufferedImage decodeJpeg600x400() throws Exception {
        return ImageCodec.decode(jpeg);
    }

    /** The same bytes through the JDK's codec, as on a machine without libjpeg-turbo. */
    @Benchmark
    public BufferedImage decodeJpegJdk600x400() throws Exception {
        return ImageCodec.decodeWithImageIo(jpeg, ImageCodec.DEFAULT_MAX_PIXELS);
    }

    /** A photo as cameras and phones write it, with an sRGB ICC profile: decoded as the services do. */
    @Benchmark
    public BufferedImage decodeJpegWithIccProfile600x400() throws Exception {
        return ImageCodec.decode(jpegWithIccProfile);
    }

    /** The same bytes through the JDK's reader as they are, profile and all: what ImageCodec avoids. */
    @Benchmark
    public BufferedImage decodeJpegWithIccProfileImageIo600x400() throws Exception {
        Iterator<javax.imageio.ImageReader> readers = javax.imageio.ImageIO.getImageReadersByFormatName("jpeg");
        javax.imageio.ImageReader reader = readers.next();
        while (!reader.getClass().getName().startsWith("com.sun.")) {
            reader = readers.next();
        }
        try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(
                new ByteArrayInputStream(jpegWithIccProfile))) {
            reader.setInput(in, false, true);
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }

    @Benchmark
    public BufferedImage decodePng600x400() throws Exception {
        return ImageCodec.decode(png);
    }

    @Benchmark
    public FloatBuffer letterboxScaleOne640x427() {
        LetterboxTensor.fill(cameraSized, cameraSizedBox, tensor);
        return tensor;
    }

    /** Scaled up to 640 x 427 (bilinear), as a photo smaller than the model's input is. */
    @Benchmark
    public FloatBuffer letterbox600x400() {
        LetterboxTensor.fill(photo, photoBox, tensor);
        return tensor;
    }

    /** Scaled down to 640 x 400, as a camera frame is. */
    @Benchmark
    public FloatBuffer letterbox1920x1200() {
        LetterboxTensor.fill(large, largeBox, tensor);
        return tensor;
    }

    /** A 1920 x 1200 camera frame from its JPEG to the model's input: decoded whole, then letterboxed down. */
    @Benchmark
    public FloatBuffer frameToTensorWhole1920x1200() throws Exception {
        BufferedImage frame = ImageCodec.decode(frameJpeg);
        LetterboxTensor.fill(frame, Letterbox.square(frame.getWidth(), frame.getHeight(), 640), tensor);
        return tensor;
    }

    /** The same frame decoded at half its size by libjpeg-turbo (960 x 600), as the inference service does. */
    @Benchmark
    public FloatBuffer frameToTensorReduced1920x1200() throws Exception {
        BufferedImage frame = ImageCodec.decodeForInput(frameJpeg, ImageCodec.DEFAULT_MAX_PIXELS, 640, 640).pixels();
        LetterboxTensor.fill(frame, Letterbox.square(frame.getWidth(), frame.getHeight(), 640), tensor);
        return tensor;
    }

    /** As the backend encodes the drawn image: libjpeg-turbo where the machine has it. */
    @Benchmark
    public byte[] encodeJpeg600x400() {
        return ImageCodec.encodeJpeg(photo, 90);
    }

    /** The same through the JDK's writer, as on a machine without libjpeg-turbo. */
    @Benchmark
    public byte[] encodeJpegJdk600x400() {
        return ImageCodec.encodeJpegWithImageIo(photo, 90);
    }
}
