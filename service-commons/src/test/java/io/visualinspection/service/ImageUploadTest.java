package io.visualinspection.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.BadRequestException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Multipart image uploads as line controllers send them (curl -F, requests, RestAssured). */
class ImageUploadTest {

    private static final String BOUNDARY = "------------------------a1b2c3d4e5";
    private static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    /** Bytes that look like parts of a multipart body: CR LF, dashes, the boundary line not after a CR LF. */
    private static final byte[] IMAGE = concat(new byte[] {(byte) 0xFF, (byte) 0xD8, 0, '\r', '\n', 'x'},
            ("--" + BOUNDARY).getBytes(StandardCharsets.US_ASCII), new byte[] {'\r', (byte) 0xFF, (byte) 0xD9});

    @Test
    void readsTheImageBytesExactlyAndTheTextFields() {
        byte[] body = form(text("pattern_key", "demo-cat"), file("image", "photo.jpg", IMAGE), text("min_score", "0.4"),
                text("pattern_key", "demo-cat"));

        ImageUpload upload = ImageUpload.parse(CONTENT_TYPE, body);

        assertThat(upload.image()).isEqualTo(IMAGE);
        assertThat(upload.fields()).containsExactly(Map.entry("pattern_key", "demo-cat"),
                Map.entry("min_score", "0.4"));
    }

    @Test
    void otherFilesAreIgnoredButASecondImageIsRefused() {
        byte[] other = {1, 2, 3};
        ImageUpload upload = ImageUpload.parse(CONTENT_TYPE, form(file("notes", "notes.txt", other),
                file("image", "a.jpg", IMAGE)));
        assertThat(upload.image()).isEqualTo(IMAGE);
        assertThat(upload.fields()).isEmpty();
        // Which of two images to inspect would be a guess (the ancestor took the last one).
        assertThatThrownBy(() -> ImageUpload.parse(CONTENT_TYPE, form(file("image", "a.jpg", IMAGE),
                file("image", "b.jpg", other)))).isInstanceOf(BadRequestException.class)
                .hasMessage("the form has more than one 'image' part; send one image per request");
    }

    @Test
    void aFieldGivenTwiceWithDifferentValuesIsRefused() {
        assertThatThrownBy(() -> ImageUpload.parse(CONTENT_TYPE, form(text("min_score", "0.3"),
                file("image", "a.jpg", IMAGE), text("min_score", "0.9")))).isInstanceOf(BadRequestException.class)
                .hasMessage("the form field min_score is given more than once with different values ('0.3', '0.9'); "
                        + "give it once");
    }

    @Test
    void aFormWithoutImageSaysWhatToSend() {
        assertThatThrownBy(() -> ImageUpload.parse(CONTENT_TYPE, form(file("file", "photo.jpg", IMAGE))))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("part 'image' is missing")
                .hasMessageContaining("-F image=@photo.jpg");
    }

    @Test
    void anImageSentAsTextIsRefused() {
        assertThatThrownBy(() -> ImageUpload.parse(CONTENT_TYPE, form(text("image", "photo.jpg"))))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("must be a file");
    }

    @Test
    void aBodyThatIsNoMultipartFormIsACallersError() {
        assertThatThrownBy(() -> ImageUpload.parse("multipart/form-data", form(file("image", "a.jpg", IMAGE))))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("names no boundary");
        assertThatThrownBy(() -> ImageUpload.parse("multipart/form-data; boundary=other", form(file("image", "a.jpg",
                IMAGE)))).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> ImageUpload.parse(CONTENT_TYPE, new byte[0]))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("'image' is missing")
                .hasMessageContaining("no body");
        assertThatThrownBy(() -> ImageUpload.parse(CONTENT_TYPE, "just some text".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadRequestException.class);
    }

    @Test
    void aFormCutOffInTheImageIsRefusedNotPassedOnPartly() {
        byte[] whole = form(file("image", "photo.jpg", IMAGE));
        byte[] cut = Arrays.copyOf(whole, whole.length - IMAGE.length / 2 - BOUNDARY.length() - 8);
        assertThatThrownBy(() -> ImageUpload.parse(CONTENT_TYPE, cut)).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("malformed").hasMessageContaining("cut off");
        byte[] betweenParts = concat(text("min_score", "0.4"), file("image", "photo.jpg", IMAGE));
        assertThatThrownBy(() -> ImageUpload.parse(CONTENT_TYPE, betweenParts)).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("malformed");
    }

    private static byte[] text(String name, String value) {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] file(String name, String filename, byte[] content) {
        return concat(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8),
                content, "\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] form(byte[]... parts) {
        return concat(concat(parts), ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] concat(byte[]... arrays) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] a : arrays) {
            out.writeBytes(a);
        }
        return out.toByteArray();
    }
}
