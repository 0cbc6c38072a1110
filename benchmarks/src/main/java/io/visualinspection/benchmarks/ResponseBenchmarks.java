package io.visualinspection.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.visualinspection.model.Base64Bytes;
import io.visualinspection.model.image.ImageCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/** Writing an inspection's two images into its JSON response, as the backend does for return_options 127. */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ResponseBenchmarks extends HotCodeBenchmark {

    private final ObjectMapper mapper = new ObjectMapper();
    private final CountingStream out = new CountingStream();
    byte[] photo;
    byte[] drawn;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        var image = ImageCodec.decode(Samples.read("coffee.png"));
        photo = ImageCodec.encodeJpeg(image, 95);
        drawn = ImageCodec.encodeJpeg(image, 90);
    }

    /** Jackson's own base64 of a byte[]. */
    @Benchmark
    public long imagesJacksonBase64() throws IOException {
        return write(photo, drawn);
    }

    /** The JDK's encoder, copied in as it is ({@link Base64Bytes}, what the backend writes). */
    @Benchmark
    public long imagesJdkBase64() throws IOException {
        return write(new Base64Bytes(photo), new Base64Bytes(drawn));
    }

    private long write(Object img, Object imgDrawn) throws IOException {
        Map<String, Object> images = new LinkedHashMap<>();
        images.put("img", img);
        images.put("img_drawn", imgDrawn);
        out.count = 0;
        mapper.writeValue(out, Map.of("images", images));
        return out.count;
    }

    /** Counts what is written, so that the work cannot be optimised away; stays open across writes. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
