package io.visualinspection.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The same JSON as Jackson writes for a byte[] (standard base64 with padding), whatever the generator. */
class Base64BytesTest {

    private final ObjectMapper mapper = new ObjectMapper();

    /** Every length modulo 3 (padding), and one larger than Jackson's output buffer. */
    private static final int[] LENGTHS = {0, 1, 2, 3, 4, 5, 100_001};

    @Test
    void writesTheSameJsonAsJacksonDoesForBytesIntoAStream() throws Exception {
        for (int length : LENGTHS) {
            byte[] bytes = randomBytes(length);
            assertThat(new String(mapper.writeValueAsBytes(response(new Base64Bytes(bytes))), StandardCharsets.UTF_8))
                    .as("length %d", length)
                    .isEqualTo(new String(mapper.writeValueAsBytes(response(bytes)), StandardCharsets.UTF_8));
        }
    }

    @Test
    void writesTheSameJsonIntoAWriter() throws Exception {
        for (int length : LENGTHS) {
            byte[] bytes = randomBytes(length);
            assertThat(mapper.writeValueAsString(response(new Base64Bytes(bytes)))).as("length %d", length)
                    .isEqualTo(mapper.writeValueAsString(response(bytes)));
        }
    }

    @Test
    void isStrictStandardBase64() throws Exception {
        byte[] bytes = randomBytes(1000);
        String json = new String(mapper.writeValueAsBytes(new Base64Bytes(bytes)), StandardCharsets.US_ASCII);
        assertThat(json).isEqualTo('"' + Base64.getEncoder().encodeToString(bytes) + '"');
    }

    private static Map<String, Object> response(Object image) {
        Map<String, Object> images = new LinkedHashMap<>();
        images.put("img", image);
        images.put("after", "x");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("images", images);
        out.put("decision", true);
        return out;
    }

    private static byte[] randomBytes(int length) {
        byte[] b = new byte[length];
        new Random(length).nextBytes(b);
        return b;
    }
}
