package io.visualinspection.tools.cli;

import io.visualinspection.model.image.ImageCodec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A multipart/form-data body with the image in the part {@code image} and text fields, as the services take it. */
public record MultipartBody(String contentType, byte[] bytes) {

    public static MultipartBody of(String fileName, byte[] image, Map<String, String> fields) {
        String boundary = "----inspection-tools-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(image.length + 1024);
        String safeName = fileName.replace("\"", "_").replace("\r", "_").replace("\n", "_");
        write(body, "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"image\"; filename=\"" + safeName + "\"\r\n"
                + "Content-Type: " + ImageCodec.mediaType(extension(fileName)) + "\r\n\r\n");
        body.writeBytes(image);
        write(body, "\r\n");
        for (Map.Entry<String, String> f : fields.entrySet()) {
            write(body, "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return new MultipartBody("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
