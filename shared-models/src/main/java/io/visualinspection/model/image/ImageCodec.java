package io.visualinspection.model.image;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import io.visualinspection.model.yolo.Letterbox;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Decodes and encodes images: JPEG with libjpeg-turbo where the machine has it ({@link TurboJpeg}), everything
 * else, and every JPEG it does not take cleanly, with ImageIO and the TwelveMonkeys readers (JPEG in CMYK/YCCK
 * and other variants the JDK refuses, WebP). Decoding reads the declared size first and refuses images over a pixel
 * limit before a single pixel is allocated, so a small file that declares 50000 x 50000 pixels cannot
 * exhaust memory. The EXIF orientation of a photo is applied, so that boxes refer to the image as a person
 * sees it (as browsers and phone galleries show it). Running out of memory while decoding is thrown as the
 * {@link OutOfMemoryError} it is (services answer it as an overload), never reported as corrupt data.
 */
public final class ImageCodec {

    /** Default limit: 50 megapixels, above any industrial camera this system serves today. */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    static {
        ImageIO.setUseCache(false); // no temp files: decoding stays in memory, and safe on read-only disks
        // Plugins on an application class loader (as in Quarkus) are found only through an explicit scan.
        ImageIO.scanForPlugins();
    }

    private ImageCodec() {
    }

    public static BufferedImage decode(byte[] bytes) throws ImageDecodeException {
        return decode(bytes, DEFAULT_MAX_PIXELS);
    }

    public static BufferedImage decode(byte[] bytes, long maxPixels) throws ImageDecodeException {
        return decode(bytes, maxPixels, (width, height) -> 1).pixels();
    }

    /**
     * Decodes an image for a detector whose input is {@code inputWidth x inputHeight}, which letterboxes it: a JPEG
     * at least twice as large as its letterbox is decoded at a half, a quarter or an eighth of its size by
     * libjpeg-turbo (the smallest of them still as large as the letterboxed image), since the letterbox would
     * shrink it anyway; anything else at its own size, as {@link #decode(byte[], long)} does. The pixel limit
     * applies to the image's own size.
     */
    public static ReducedImage decodeForInput(byte[] bytes, long maxPixels, int inputWidth, int inputHeight)
            throws ImageDecodeException {
        return decode(bytes, maxPixels, (width, height) -> reductionFor(width, height, inputWidth, inputHeight));
    }

    /**
     * The largest factor (8, 4, 2, else 1) that leaves an image of this size (upright) at least as large as its
     * letterbox into the input: the letterbox then still shrinks the reduced image (or copies it), never
     * enlarges it.
     */
    public static int reductionFor(int width, int height, int inputWidth, int inputHeight) {
        Letterbox letterbox = Letterbox.of(width, height, inputWidth, inputHeight);
        for (int factor = 8; factor > 1; factor /= 2) {
            if ((width + factor - 1) / factor >= letterbox.resizedWidth()
                    && (height + factor - 1) / factor >= letterbox.resizedHeight()) {
                return factor;
            }
        }
        return 1;
    }

    /**
     * A JPEG through libjpeg-turbo, reduced as {@code reduction} says for its upright size, else whole through
     * ImageIO; upright.
     */
    private static ReducedImage decode(byte[] bytes, long maxPixels, TurboJpeg.Reduction reduction)
            throws ImageDecodeException {
        if (bytes == null || bytes.length == 0) {
            throw new ImageDecodeException("the image is empty (0 bytes)", false, null);
        }
        if (!TurboJpeg.available() || !isJpeg(bytes)) {
            return ReducedImage.full(decodeWithImageIo(bytes, maxPixels));
        }
        int orientation = exifOrientation(bytes);
        boolean turned = Orientations.swapsSides(orientation);
        var decoded = TurboJpeg.decode(bytes, (width, height) -> checkSize(width, height, maxPixels),
                (width, height) -> turned ? reduction.factor(height, width) : reduction.factor(width, height));
        if (decoded.isEmpty()) {
            return ReducedImage.full(decodeWithImageIo(bytes, maxPixels));
        }
        return Orientations.apply(decoded.get(), orientation);
    }

    /**
     * Why JPEG goes through the JDK's codec in this process instead of libjpeg-turbo (for the services' start-up
     * log), or empty when libjpeg-turbo is used.
     */
    public static Optional<String> jpegCodecProblem() {
        return TurboJpeg.problem();
    }

    /**
     * Decoding with ImageIO only: every format, and the JPEGs that libjpeg-turbo does not take cleanly. Public
     * for the benchmarks that compare the two codecs; callers use {@link #decode(byte[], long)}.
     */
    public static BufferedImage decodeWithImageIo(byte[] bytes, long maxPixels) throws ImageDecodeException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageDecodeException("the data is not an image in a supported format (JPEG, PNG, BMP"
                        + (hasWebp() ? ", WebP" : "") + "), " + bytes.length + " bytes starting with "
                        + head(bytes), false, null);
            }
            List<ImageReader> candidates = new ArrayList<>();
            readers.forEachRemaining(candidates::add);
            // The JDK's JPEG reader first: it ignores embedded ICC profiles as OpenCV and libjpeg do (the
            // reference detections were made that way) and is several times faster on photos that carry one.
            // The TwelveMonkeys reader then handles what the JDK refuses (CMYK, YCCK, odd markers).
            candidates.sort(Comparator.comparingInt(r -> isJdkReader(r) ? 0 : 1));
            int width = -1;
            int height = -1;
            for (int i = 0; i < candidates.size(); i++) {
                ImageReader reader = candidates.get(i);
                ImageInputStream source = in;
                try {
                    if (isJdkReader(reader) && isJpeg(bytes)) {
                        // The JDK reader parses an embedded ICC profile into a colour space (about 15 ms for a
                        // 640 x 427 photo) without changing the pixels it delivers; without the profile it
                        // decodes the same pixels three times faster.
                        source = ImageIO.createImageInputStream(new ByteArrayInputStream(withoutIccProfile(bytes)));
                    } else {
                        in.seek(0);
                    }
                    reader.setInput(source, false, true);
                    List<String> warnings = new ArrayList<>();
                    reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
                    if (width < 0) {
                        width = reader.getWidth(0);
                        height = reader.getHeight(0);
                        checkSize(width, height, maxPixels);
                    }
                    BufferedImage image = reader.read(0);
                    if (image == null) {
                        throw new ImageDecodeException("the image could not be decoded", false, null);
                    }
                    Optional<String> corrupt = warnings.stream().filter(ImageCodec::pixelsLost).findFirst();
                    if (corrupt.isPresent()) {
                        throw new ImageDecodeException("the image is corrupt or truncated (" + bytes.length
                                + " bytes): " + corrupt.get() + "; some of its pixels are missing or wrong (was "
                                + "the transfer cut short?), so it is not inspected", false, null);
                    }
                    return Orientations.apply(image, exifOrientation(bytes));
                } catch (javax.imageio.IIOException e) {
                    if (i == candidates.size() - 1 || outOfMemory(e) != null) {
                        throw e;
                    }
                    // this reader cannot decode this variant: the next one may
                } finally {
                    reader.dispose();
                    if (source != in) {
                        source.close();
                    }
                }
            }
            throw new ImageDecodeException("the image could not be decoded", false, null);
        } catch (ImageDecodeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            OutOfMemoryError oom = outOfMemory(e);
            if (oom != null) {
                throw oom; // the PNG reader wraps it: not the data's fault, there is too little memory now
            }
            // ImageIO reports truncated and corrupt data as IIOException, and some plugins as runtime errors.
            throw new ImageDecodeException("the image is corrupt or truncated (" + bytes.length + " bytes): "
                    + e.getMessage(), false, e);
        }
    }

    /**
     * Whether a warning of the JPEG reader means pixels filled in for data it did not have: a file cut short
     * ("premature end of data segment") or damaged entropy-coded data ("bad Huffman code", a lost restart marker).
     * The reader delivers such an image whole, the missing part grey, and the model would see parts missing. Bytes
     * before a marker that some cameras add, and a file that lacks only its end marker, lose nothing.
     */
    private static boolean pixelsLost(String warning) {
        return warning.startsWith("Corrupt JPEG data") && !warning.contains("extraneous bytes");
    }

    private static void checkSize(int width, int height, long maxPixels) throws ImageDecodeException {
        if (width <= 0 || height <= 0) {
            throw new ImageDecodeException("the image declares an empty size " + width + "x" + height, false, null);
        }
        if ((long) width * height > maxPixels) {
            throw new ImageDecodeException("the image declares " + width + "x" + height
                    + " pixels, over the limit of " + maxPixels + " pixels", true, null);
        }
    }

    private static OutOfMemoryError outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                return oom;
            }
        }
        return null;
    }

    private static boolean isJdkReader(ImageReader reader) {
        return reader.getClass().getName().startsWith("com.sun.");
    }

    private static boolean isJpeg(byte[] bytes) {
        return bytes.length >= 4 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8;
    }

    /**
     * The JPEG without its APP2 ICC_PROFILE segments; everything else (including the scan data) unchanged. A
     * malformed marker sequence ends the scan early and leaves the rest as it was, for the reader to judge.
     */
    static byte[] withoutIccProfile(byte[] jpeg) {
        ByteArrayOutputStream out = null;
        int copiedTo = 0;
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xff) == 0xFF) {
            int marker = jpeg[i + 1] & 0xff;
            if (marker == 0xDA || marker == 0xD9) {
                break; // start of scan or end of image: no more header segments
            }
            int length = ((jpeg[i + 2] & 0xff) << 8) | (jpeg[i + 3] & 0xff);
            if (length < 2 || i + 2 + length > jpeg.length) {
                break;
            }
            if (marker == 0xE2 && length >= 14 && "ICC_PROFILE".equals(
                    new String(jpeg, i + 4, 11, StandardCharsets.ISO_8859_1))) {
                if (out == null) {
                    out = new ByteArrayOutputStream(jpeg.length);
                }
                out.write(jpeg, copiedTo, i - copiedTo);
                copiedTo = i + 2 + length;
            }
            i += 2 + length;
        }
        if (out == null) {
            return jpeg;
        }
        out.write(jpeg, copiedTo, jpeg.length - copiedTo);
        return out.toByteArray();
    }

    /** The EXIF orientation (1..8) of a JPEG, or 1 when it has none or it cannot be read. */
    static int exifOrientation(byte[] bytes) {
        if (!isJpeg(bytes)) {
            return 1;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            if (exif.isEmpty()) {
                return 1;
            }
            byte[] data = exif.get(0).data().readAllBytes();
            int start = data.length > 0 && data[0] == 0 ? 1 : 0; // the pad byte after "Exif\0"
            try (ImageInputStream tiff = ImageIO.createImageInputStream(
                    new ByteArrayInputStream(data, start, data.length - start))) {
                Directory ifd = new TIFFReader().read(tiff);
                Entry orientation = ifd.getEntryById(TIFF.TAG_ORIENTATION);
                return orientation != null && orientation.getValue() instanceof Number n ? n.intValue() : 1;
            }
        } catch (IOException | RuntimeException e) {
            return 1; // unreadable metadata: the pixels are still good
        }
    }

    /** JPEG bytes of the image at {@code quality} 1..100. */
    public static byte[] encodeJpeg(BufferedImage image, int quality) {
        BufferedImage rgb = withoutAlpha(image);
        if (TurboJpeg.available()) {
            var jpeg = TurboJpeg.encode(rgb, quality);
            if (jpeg.isPresent()) {
                return jpeg.get();
            }
        }
        return encodeJpegWithImageIo(rgb, quality);
    }

    /**
     * JPEG encoding with the JDK's writer: where libjpeg-turbo is missing or cannot read the image's pixels.
     * Public for the benchmarks that compare the two codecs; callers use {@link #encodeJpeg}.
     */
    public static byte[] encodeJpegWithImageIo(BufferedImage image, int quality) {
        BufferedImage rgb = withoutAlpha(image);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(16_384, rgb.getWidth() * rgb.getHeight() / 4));
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(Math.max(1, Math.min(100, quality)) / 100f);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Bytes of the image in {@code format} (jpeg, png, bmp...), JPEG at {@code jpegQuality}. */
    public static byte[] encode(BufferedImage image, String format, int jpegQuality) {
        String f = format.toLowerCase(Locale.ROOT);
        if (f.equals("jpeg") || f.equals("jpg")) {
            return encodeJpeg(image, jpegQuality);
        }
        BufferedImage img = f.equals("bmp") ? withoutAlpha(image) : image;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, f, bytes)) {
                throw new IllegalArgumentException("no encoder for image format '" + format + "'");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(format + " encoding failed", e);
        }
        return bytes.toByteArray();
    }

    /** The media type of an image format name. */
    public static String mediaType(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "jpeg", "jpg" -> "image/jpeg";
            case "png" -> "image/png";
            case "bmp" -> "image/bmp";
            case "webp" -> "image/webp";
            default -> "application/octet-stream";
        };
    }

    /** The image itself if it has no alpha channel and is not grey, else an RGB copy (JPEG/BMP need it). */
    public static BufferedImage withoutAlpha(BufferedImage image) {
        if (!image.getColorModel().hasAlpha() && image.getType() != BufferedImage.TYPE_CUSTOM) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(image, 0, 0, Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static boolean hasWebp() {
        return ImageIO.getImageReadersByFormatName("webp").hasNext();
    }

    private static String head(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(8, bytes.length); i++) {
            s.append(String.format("%02x", bytes[i] & 0xff));
        }
        return "0x" + s;
    }
}
