package io.visualinspection.service;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The multipart form of an image upload as the API documentation shows it; the body itself is parsed by
 * {@link ImageUpload}. Text fields beside the image carry the endpoint's parameters, as its query would.
 */
@Schema(name = "ImageForm", description = "The image in a file part named 'image'; text fields beside it carry "
        + "the same parameters as the query (a field wins over the query parameter of the same name)")
public final class ImageForm {

    @Schema(type = SchemaType.STRING, format = "binary", required = true,
            description = "The image: JPEG, PNG, BMP or WebP")
    public byte[] image;

    private ImageForm() {
    }
}
