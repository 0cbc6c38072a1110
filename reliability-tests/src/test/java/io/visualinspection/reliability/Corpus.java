package io.visualinspection.reliability;

import io.visualinspection.model.testing.SampleData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/**
 * The hostile-input corpus: {@code corpus/cases.txt} (one request per line) with the bodies it names, read from
 * {@code corpus/} or generated here when large or binary (decompression bombs, oversized uploads).
 *
 * <p>A line is {@code service | method | path | body | expected status | message fragment | what}. Bodies:
 * {@code -} (none), {@code json <text>}, {@code raw <content type|none> <source>},
 * {@code multipart <part> ; <part> ...} with parts {@code name@filename=<source>} (a file) or
 * {@code name=<text>} (a field), and {@code multipart-raw <boundary> <source>}. Sources: {@code file:<path
 * below corpus/>}, {@code sample:<image>}, {@code text:<text>} and {@code gen:<generator>}. Expected status:
 * codes separated by commas, or {@code 4xx}. {@code {nonce}}, {@code {absent-id}} and {@code {long-query}} are
 * replaced when the case runs.
 */
final class Corpus {

    /** One request of the corpus. */
    record Case(String service, String method, String path, String body, String expected, String fragment,
            String what, int line) {

        String name() {
            return service + " " + method + " " + (path.length() > 70 ? path.substring(0, 70) + "..." : path) + ": "
                    + what + " (line " + line + ")";
        }

        boolean expects(int status) {
            for (String e : expected.split(",")) {
                String x = e.strip();
                if (x.equals("4xx") ? status >= 400 && status < 500 : x.equals(String.valueOf(status))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A request body with its content type (null: no Content-Type header). */
    record Body(String contentType, byte[] bytes) {
    }

    private Corpus() {
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String[] lines = new String(resource("cases.txt"), StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" \\| ", -1);
            if (f.length != 7) {
                throw new IllegalArgumentException("corpus/cases.txt line " + (i + 1) + ": 7 columns expected, got "
                        + f.length + ": " + line);
            }
            cases.add(new Case(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), f[4].strip(), f[5].strip(),
                    f[6].strip(), i + 1));
        }
        return cases;
    }

    static Body body(String spec) {
        if (spec.equals("-")) {
            return new Body(null, null);
        }
        int space = spec.indexOf(' ');
        String kind = space < 0 ? spec : spec.substring(0, space);
        String rest = space < 0 ? "" : spec.substring(space + 1);
        switch (kind) {
            case "json":
                return new Body("application/json", rest.getBytes(StandardCharsets.UTF_8));
            case "raw": {
                int s = rest.indexOf(' ');
                String type = rest.substring(0, s);
                return new Body(type.equals("none") ? null : type, source(rest.substring(s + 1)));
            }
            case "multipart-raw": {
                int s = rest.indexOf(' ');
                return new Body("multipart/form-data; boundary=" + rest.substring(0, s), source(rest.substring(s + 1)));
            }
            case "multipart": {
                Http.Multipart form = new Http.Multipart();
                for (String part : rest.split(" ; ")) {
                    int eq = part.indexOf('=');
                    String name = part.substring(0, eq);
                    String value = part.substring(eq + 1);
                    int at = name.indexOf('@');
                    if (at >= 0) {
                        form.file(name.substring(0, at), name.substring(at + 1), "application/octet-stream",
                                source(value));
                    } else {
                        form.field(name, value);
                    }
                }
                return new Body(form.contentType(), form.bytes());
            }
            default:
                throw new IllegalArgumentException("unknown body kind '" + kind + "' in " + spec);
        }
    }

    static byte[] source(String spec) {
        int colon = spec.indexOf(':');
        String kind = spec.substring(0, colon);
        String arg = spec.substring(colon + 1);
        return switch (kind) {
            case "text" -> arg.getBytes(StandardCharsets.UTF_8);
            case "file" -> resource(arg);
            case "sample" -> sample(arg);
            case "gen" -> generate(arg);
            default -> throw new IllegalArgumentException("unknown source '" + spec + "'");
        };
    }

    static byte[] resource(String path) {
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource corpus/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] sample(String name) {
        try {
            return Files.readAllBytes(SampleData.image(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Generated bodies: {@code random:N}, {@code oversized:MB} (random, MB megabytes and a bit),
     * {@code png-declaring:WxH}, {@code bmp-declaring:WxH}, {@code jpeg-declaring:WxH} (small files that declare
     * huge images), {@code png-truncated}, {@code jpeg-truncated} (before its scan), {@code jpeg-cut-in-scan} (half
     * of its scan), {@code png-bad-deflate}, {@code png-zero-width},
     * {@code png-signature-only}, {@code jpeg-soi-only}, {@code svg}, {@code deep-json:N}, {@code long-text:N}.
     */
    static byte[] generate(String spec) {
        String[] p = spec.split(":");
        switch (p[0]) {
            case "random":
                return random(Integer.parseInt(p[1]));
            case "oversized":
                return random(Integer.parseInt(p[1]) * 1024 * 1024 + 1024);
            case "png-declaring": {
                int[] wh = size(p[1]);
                return png(wh[0], wh[1], 1);
            }
            case "png-zero-width":
                return png(0, 10, 1);
            case "bmp-declaring": {
                int[] wh = size(p[1]);
                return bmp(wh[0], wh[1]);
            }
            case "jpeg-declaring": {
                int[] wh = size(p[1]);
                return jpegHeader(wh[0], wh[1]);
            }
            case "png-truncated": {
                byte[] png = sample("chelsea.png");
                return Arrays.copyOf(png, png.length / 3);
            }
            case "jpeg-truncated": {
                byte[] jpeg = chelseaJpeg();
                return Arrays.copyOf(jpeg, 600); // headers and tables, no scan
            }
            case "jpeg-cut-in-scan": {
                byte[] jpeg = chelseaJpeg();
                return Arrays.copyOf(jpeg, jpeg.length / 2); // the reader would fill the lower half grey
            }
            case "png-bad-deflate": {
                byte[] png = sample("chelsea.png").clone();
                int idat = indexOf(png, "IDAT".getBytes(StandardCharsets.US_ASCII));
                png[idat + 4] = 0x00; // the zlib header of the first data chunk
                png[idat + 5] = 0x00;
                return png;
            }
            case "png-signature-only":
                return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
            case "jpeg-soi-only":
                return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
            case "svg":
                return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100000\" height=\"100000\"/>"
                        .getBytes(StandardCharsets.UTF_8);
            case "deep-json": {
                int n = Integer.parseInt(p[1]);
                return ("[".repeat(n) + "]".repeat(n)).getBytes(StandardCharsets.UTF_8);
            }
            case "long-text":
                return "a".repeat(Integer.parseInt(p[1])).getBytes(StandardCharsets.UTF_8);
            default:
                throw new IllegalArgumentException("unknown generator '" + spec + "'");
        }
    }

    private static int indexOf(byte[] data, byte[] what) {
        outer:
        for (int i = 0; i <= data.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (data[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static int[] size(String wxh) {
        String[] s = wxh.split("x");
        return new int[] {Integer.parseInt(s[0]), Integer.parseInt(s[1])};
    }

    /** A greyscale PNG declaring {@code w x h} whose data holds only {@code rows} rows of zeros. */
    static byte[] png(int w, int h, int rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 0).put((byte) 0)
                .put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[(Math.max(w, 0) + 1) * rows]);
        deflater.finish();
        byte[] buf = new byte[64 * 1024];
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        while (!deflater.finished()) {
            idat.write(buf, 0, deflater.deflate(buf));
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A PNG of {@code w x h} zero pixels, complete: a legitimate image that needs w*h*3 bytes decoded. */
    static byte[] pngFullOfZeros(int w, int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0).array());
        Deflater deflater = new Deflater(9);
        byte[] row = new byte[1 + w * 3];
        byte[] buf = new byte[64 * 1024];
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        for (int y = 0; y < h; y++) {
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                idat.write(buf, 0, deflater.deflate(buf));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            idat.write(buf, 0, deflater.deflate(buf));
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A 24-bit BMP header declaring {@code w x h}, with a few bytes of pixels. */
    private static byte[] bmp(int w, int h) {
        ByteBuffer b = ByteBuffer.allocate(54 + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(54 + 16).putInt(0).putInt(54);
        b.putInt(40).putInt(w).putInt(h).putShort((short) 1).putShort((short) 24).putInt(0).putInt(0)
                .putInt(2835).putInt(2835).putInt(0).putInt(0);
        return b.array();
    }

    /** SOI, a baseline SOF0 declaring {@code w x h} (3 components), EOI: no tables, no scan. */
    private static byte[] jpegHeader(int w, int h) {
        ByteBuffer b = ByteBuffer.allocate(2 + 19 + 2);
        b.put((byte) 0xFF).put((byte) 0xD8);
        b.put((byte) 0xFF).put((byte) 0xC0).putShort((short) 17).put((byte) 8).putShort((short) h)
                .putShort((short) w).put((byte) 3);
        for (int c = 1; c <= 3; c++) {
            b.put((byte) c).put((byte) 0x11).put((byte) 0);
        }
        b.put((byte) 0xFF).put((byte) 0xD9);
        return b.array();
    }

    private static byte[] chelseaJpeg() {
        try {
            BufferedImage img = ImageIO.read(SampleData.image("chelsea.png").toFile());
            BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            rgb.getGraphics().drawImage(img, 0, 0, null);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(rgb, "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
