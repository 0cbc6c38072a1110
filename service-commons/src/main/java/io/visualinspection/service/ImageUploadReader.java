package io.visualinspection.service;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Reads a multipart/form-data body into an {@link ImageUpload}, for resources that take one as their body. */
@Provider
@Consumes(MediaType.MULTIPART_FORM_DATA)
public class ImageUploadReader implements MessageBodyReader<ImageUpload> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == ImageUpload.class;
    }

    @Override
    public ImageUpload readFrom(Class<ImageUpload> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        return ImageUpload.parse(headers.getFirst(HttpHeaders.CONTENT_TYPE), body.readAllBytes());
    }
}
