package io.visualinspection.service;

import jakarta.ws.rs.BadRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/** A multipart upload with an {@code image} file part and optional text fields (parameters). */
public record ImageUpload(byte[] image, Map<String, String> fields) {

    public static final String IMAGE = "image";

    public static ImageUpload of(MultipartFormDataInput input) {
        if (input == null) {
            throw new BadRequestException("send multipart/form-data with the image in a part named 'image'");
        }
        byte[] image = null;
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Collection<FormValue>> e : input.getValues().entrySet()) {
            FormValue value = e.getValue().iterator().next();
            if (IMAGE.equals(e.getKey())) {
                if (!value.isFileItem()) {
                    throw new BadRequestException("the 'image' part must be a file (with a filename in its "
                            + "Content-Disposition), e.g. curl -F image=@photo.jpg");
                }
                image = read(value);
            } else if (!value.isFileItem()) {
                fields.put(e.getKey(), value.getValue());
            }
        }
        if (image == null) {
            throw new BadRequestException("the multipart part 'image' is missing; send the image as "
                    + "-F image=@photo.jpg");
        }
        return new ImageUpload(image, fields);
    }

    private static byte[] read(FormValue value) {
        try {
            if (value.getFileItem().isInMemory()) {
                try (InputStream in = value.getFileItem().getInputStream()) {
                    return in.readAllBytes();
                }
            }
            return Files.readAllBytes(value.getFileItem().getFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded image", e);
        }
    }
}
