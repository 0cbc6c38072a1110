package io.visualinspection.model.image;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.ByteOrder;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * JPEG decoding and encoding with libjpeg-turbo's TurboJPEG library ({@code libturbojpeg.so.0}, Debian's
 * {@code libturbojpeg0}) through the FFM API: several times faster than the JDK's codec (libjpeg 6b without
 * SIMD) and the same pixels (both use the accurate integer IDCT and the same upsampling). Optional: where the
 * library is missing, {@link #available()} is false and {@link ImageCodec} uses the JDK's codec.
 *
 * <p>Each call makes and destroys its own TurboJPEG handle (microseconds), because a handle must not be shared
 * between threads. Native memory lives in a confined arena per call; nothing outlives the call.
 */
final class TurboJpeg {

    /** A JPEG's size and colour space, read from its header before any pixel is decoded. */
    private record Header(int width, int height, int colorspace) {
        /**
         * A real size (a truncated header can read as 0 x 0) in YCbCr, RGB or grey: what decodes straight into an
         * RGB or grey image. CMYK and YCCK do not.
         */
        boolean decodable() {
            return width > 0 && height > 0
                    && (colorspace == TJCS_RGB || colorspace == TJCS_YCbCr || colorspace == TJCS_GRAY);
        }
    }

    // TurboJPEG 2.x constants (turbojpeg.h); the 2.x API is kept unchanged by libjpeg-turbo 3.
    private static final int TJPF_BGR = 1;
    private static final int TJPF_BGRX = 3;
    private static final int TJPF_RGBX = 2;
    private static final int TJPF_GRAY = 6;
    private static final int TJSAMP_420 = 2;
    private static final int TJSAMP_GRAY = 3;
    private static final int TJCS_RGB = 0;
    private static final int TJCS_YCbCr = 1;
    private static final int TJCS_GRAY = 2;

    private static final String LIBRARY = "libturbojpeg.so.0";
    private static final Functions FUNCTIONS;
    private static final String PROBLEM;

    static {
        Functions functions = null;
        String problem = null;
        try {
            functions = new Functions(SymbolLookup.libraryLookup(LIBRARY, Arena.global()));
        } catch (IllegalArgumentException | UnsupportedOperationException | IllegalCallerException e) {
            problem = LIBRARY + " could not be loaded (" + e.getMessage() + ")";
        } catch (NoSuchElementException e) {
            problem = LIBRARY + " lacks a TurboJPEG 2 function (" + e.getMessage() + ")";
        }
        FUNCTIONS = functions;
        PROBLEM = problem;
    }

    private TurboJpeg() {
    }

    static boolean available() {
        return FUNCTIONS != null;
    }

    /** Why the library is not used, or empty when it is. */
    static Optional<String> problem() {
        return Optional.ofNullable(PROBLEM);
    }

    /** Checks a JPEG's declared size before any pixel is decoded; throws to refuse it. */
    @FunctionalInterface
    interface SizeCheck {
        void check(int width, int height) throws ImageDecodeException;
    }

    /** Chooses, from a JPEG's declared size, the factor (1, 2, 4 or 8) to decode it reduced by. */
    @FunctionalInterface
    interface Reduction {
        int factor(int width, int height);
    }

    /**
     * The JPEG decoded into a {@code TYPE_3BYTE_BGR} image ({@code TYPE_BYTE_GRAY} for a grey JPEG), its header
     * read first and its size passed to {@code sizeCheck}, at {@code 1 / factor} of its size where {@code reduction}
     * chooses a factor above 1: the scaled inverse DCT of libjpeg-turbo computes each reduced block from its
     * coefficients (an average of the block's pixels, not a sampling of them) and skips the work of the full-size
     * pixels. The result's size is that of the JPEG as stored (no EXIF orientation applied). Empty when TurboJPEG
     * cannot read the header, the JPEG is CMYK or YCCK, or TurboJPEG reports anything while decoding, a recoverable
     * warning included (truncated data, a corrupt segment): the JDK's codec then decodes it or says what is wrong,
     * as it always has.
     */
    static Optional<ReducedImage> decode(byte[] jpeg, SizeCheck sizeCheck, Reduction reduction)
            throws ImageDecodeException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment source = copy(arena, jpeg);
            MemorySegment handle = FUNCTIONS.initDecompress();
            try {
                Optional<Header> read = header(handle, arena, source, jpeg.length);
                if (read.isEmpty() || !read.get().decodable()) {
                    return Optional.empty();
                }
                Header header = read.get();
                sizeCheck.check(header.width(), header.height());
                int factor = reduction.factor(header.width(), header.height());
                // TurboJPEG's scaled size (TJSCALED): rounded up, as libjpeg sizes its output.
                int width = (header.width() + factor - 1) / factor;
                int height = (header.height() + factor - 1) / factor;
                boolean grey = header.colorspace() == TJCS_GRAY;
                BufferedImage image = new BufferedImage(width, height,
                        grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
                byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
                MemorySegment target = arena.allocate(pixels.length);
                if (FUNCTIONS.decompress(handle, source, jpeg.length, target, width, width * (grey ? 1 : 3), height,
                        grey ? TJPF_GRAY : TJPF_BGR) != 0) {
                    return Optional.empty();
                }
                MemorySegment.copy(target, JAVA_BYTE, 0, pixels, 0, pixels.length);
                return Optional.of(new ReducedImage(image, factor, header.width(), header.height(), 0, 0));
            } finally {
                FUNCTIONS.destroy(handle);
            }
        }
    }

    /**
     * JPEG bytes of the image at {@code quality} (1..100, chroma subsampled 4:2:0 as the JDK's writer does),
     * or empty when the image's pixel layout is not one TurboJPEG reads directly (the caller then converts it
     * or uses the JDK's writer).
     */
    static Optional<byte[]> encode(BufferedImage image, int quality) {
        Pixels pixels = Pixels.of(image);
        if (pixels == null) {
            return Optional.empty();
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment source = arena.allocate(pixels.bytes());
            pixels.copyTo(source);
            MemorySegment out = arena.allocate(ADDRESS);
            out.set(ADDRESS, 0, MemorySegment.NULL); // TurboJPEG allocates the output buffer itself
            MemorySegment size = arena.allocate(JAVA_LONG);
            MemorySegment handle = FUNCTIONS.initCompress();
            try {
                int status = FUNCTIONS.compress(handle, source, image.getWidth(), pixels.pitch(), image.getHeight(),
                        pixels.format(), out, size, pixels.format() == TJPF_GRAY ? TJSAMP_GRAY : TJSAMP_420,
                        Math.max(1, Math.min(100, quality)));
                MemorySegment buffer = out.get(ADDRESS, 0);
                try {
                    if (status != 0) {
                        return Optional.empty();
                    }
                    return Optional.of(buffer.reinterpret(size.get(JAVA_LONG, 0)).toArray(JAVA_BYTE));
                } finally {
                    if (!buffer.equals(MemorySegment.NULL)) {
                        FUNCTIONS.free(buffer);
                    }
                }
            } finally {
                FUNCTIONS.destroy(handle);
            }
        }
    }

    private static Optional<Header> header(MemorySegment handle, Arena arena, MemorySegment jpeg, long length) {
        MemorySegment width = arena.allocate(JAVA_INT);
        MemorySegment height = arena.allocate(JAVA_INT);
        MemorySegment subsampling = arena.allocate(JAVA_INT);
        MemorySegment colorspace = arena.allocate(JAVA_INT);
        if (FUNCTIONS.decompressHeader(handle, jpeg, length, width, height, subsampling, colorspace) != 0) {
            return Optional.empty();
        }
        return Optional.of(new Header(width.get(JAVA_INT, 0), height.get(JAVA_INT, 0), colorspace.get(JAVA_INT, 0)));
    }

    private static MemorySegment copy(Arena arena, byte[] bytes) {
        MemorySegment segment = arena.allocate(bytes.length);
        MemorySegment.copy(bytes, 0, segment, JAVA_BYTE, 0, bytes.length);
        return segment;
    }

    /** The pixels of an image whose raster TurboJPEG can read as it is: one array, rows one after another. */
    private record Pixels(Object data, int format, int pitch, long bytes) {

        static Pixels of(BufferedImage image) {
            var raster = image.getRaster();
            if (raster.getParent() != null || raster.getSampleModelTranslateX() != 0
                    || raster.getSampleModelTranslateY() != 0) {
                return null; // a sub-image: its rows are not where a plain array would have them
            }
            int width = image.getWidth();
            int height = image.getHeight();
            switch (image.getType()) {
                case BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY -> {
                    var model = (ComponentSampleModel) raster.getSampleModel();
                    int channels = image.getType() == BufferedImage.TYPE_BYTE_GRAY ? 1 : 3;
                    var buffer = (DataBufferByte) raster.getDataBuffer();
                    if (buffer.getNumBanks() != 1 || buffer.getOffset() != 0 || model.getPixelStride() != channels
                            || model.getScanlineStride() != width * channels) {
                        return null;
                    }
                    return new Pixels(buffer.getData(), channels == 1 ? TJPF_GRAY : TJPF_BGR, width * channels,
                            (long) width * height * channels);
                }
                case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_BGR -> {
                    var model = (SinglePixelPackedSampleModel) raster.getSampleModel();
                    var buffer = (DataBufferInt) raster.getDataBuffer();
                    if (buffer.getNumBanks() != 1 || buffer.getOffset() != 0 || model.getScanlineStride() != width) {
                        return null;
                    }
                    // 0x00RRGGBB in a little-endian int is B, G, R, X in memory; 0x00BBGGRR is R, G, B, X.
                    int format = image.getType() == BufferedImage.TYPE_INT_RGB ? TJPF_BGRX : TJPF_RGBX;
                    return new Pixels(buffer.getData(), format, width * 4, (long) width * height * 4);
                }
                default -> {
                    return null;
                }
            }
        }

        void copyTo(MemorySegment target) {
            if (data instanceof byte[] b) {
                MemorySegment.copy(b, 0, target, JAVA_BYTE, 0, b.length);
            } else {
                int[] i = (int[]) data;
                MemorySegment.copy(i, 0, target, JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN), 0, i.length);
            }
        }
    }

    /** Downcall handles for the TurboJPEG 2 functions this class uses. */
    private static final class Functions {
        private final MethodHandle initDecompress;
        private final MethodHandle initCompress;
        private final MethodHandle decompressHeader3;
        private final MethodHandle decompress2;
        private final MethodHandle compress2;
        private final MethodHandle tjFree;
        private final MethodHandle tjDestroy;

        Functions(SymbolLookup library) {
            Linker linker = Linker.nativeLinker();
            initDecompress = handle(linker, library, "tjInitDecompress", FunctionDescriptor.of(ADDRESS));
            initCompress = handle(linker, library, "tjInitCompress", FunctionDescriptor.of(ADDRESS));
            decompressHeader3 = handle(linker, library, "tjDecompressHeader3", FunctionDescriptor.of(JAVA_INT,
                    ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
            decompress2 = handle(linker, library, "tjDecompress2", FunctionDescriptor.of(JAVA_INT,
                    ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
            compress2 = handle(linker, library, "tjCompress2", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS,
                    JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT));
            tjFree = handle(linker, library, "tjFree", FunctionDescriptor.ofVoid(ADDRESS));
            tjDestroy = handle(linker, library, "tjDestroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        }

        private static MethodHandle handle(Linker linker, SymbolLookup library, String name, FunctionDescriptor d) {
            return linker.downcallHandle(library.find(name).orElseThrow(() -> new NoSuchElementException(name)), d);
        }

        MemorySegment initDecompress() {
            return checked((MemorySegment) invoke(initDecompress));
        }

        MemorySegment initCompress() {
            return checked((MemorySegment) invoke(initCompress));
        }

        int decompressHeader(MemorySegment handle, MemorySegment jpeg, long length, MemorySegment width,
                MemorySegment height, MemorySegment subsampling, MemorySegment colorspace) {
            return (int) invoke(decompressHeader3, handle, jpeg, length, width, height, subsampling, colorspace);
        }

        int decompress(MemorySegment handle, MemorySegment jpeg, long length, MemorySegment target, int width,
                int pitch, int height, int pixelFormat) {
            return (int) invoke(decompress2, handle, jpeg, length, target, width, pitch, height, pixelFormat, 0);
        }

        int compress(MemorySegment handle, MemorySegment source, int width, int pitch, int height, int pixelFormat,
                MemorySegment out, MemorySegment size, int subsampling, int quality) {
            return (int) invoke(compress2, handle, source, width, pitch, height, pixelFormat, out, size,
                    subsampling, quality, 0);
        }

        void free(MemorySegment buffer) {
            invoke(tjFree, buffer);
        }

        void destroy(MemorySegment handle) {
            invoke(tjDestroy, handle);
        }

        private static MemorySegment checked(MemorySegment handle) {
            if (handle.equals(MemorySegment.NULL)) {
                throw new OutOfMemoryError("TurboJPEG could not allocate a handle");
            }
            return handle;
        }

        private static Object invoke(MethodHandle function, Object... arguments) {
            try {
                return function.invokeWithArguments(arguments);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
