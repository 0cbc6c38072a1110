package io.visualinspection.service;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A multipart upload with an {@code image} file part and optional text fields (parameters).
 *
 * <p>The form is parsed in memory with Netty's decoder from the body as received ({@link ImageUploadReader}
 * makes it a resource's body type). Quarkus REST's own form handling writes every file part to a temporary
 * file first (it has no size threshold for that) and parses on another thread: a file written and deleted per
 * inspection, and time on every upload (docs/benchmarks.md).
 */
@Schema(implementation = ImageForm.class)
public record ImageUpload(byte[] image, Map<String, String> fields) {

    public static final String IMAGE = "image";

    private static final String HOW = "send multipart/form-data with the image in a file part named 'image', "
            + "e.g. curl -F image=@photo.jpg";

    /**
     * @param contentType the request's Content-Type, with its boundary
     * @param body the request body as received
     */
    public static ImageUpload parse(String contentType, byte[] body) {
        if (contentType == null || body == null || body.length == 0) {
            throw new BadRequestException("the multipart part 'image' is missing: the request has no body; " + HOW);
        }
        String boundary;
        try {
            boundary = MediaType.valueOf(contentType).getParameters().get("boundary");
        } catch (IllegalArgumentException e) {
            boundary = null;
        }
        if (boundary == null || boundary.isBlank()) {
            throw new BadRequestException("the Content-Type '" + contentType + "' names no boundary; " + HOW);
        }
        // Netty's decoder hands back the parts it completed and drops a part cut off, which would then read as
        // missing; a form is whole only up to its closing delimiter.
        ByteBuf content = Unpooled.wrappedBuffer(body);
        ByteBuf closing = Unpooled.wrappedBuffer(("--" + boundary + "--").getBytes(StandardCharsets.ISO_8859_1));
        if (ByteBufUtil.indexOf(closing, content) < 0) {
            throw new BadRequestException("the multipart form is malformed: it does not end with its closing "
                    + "boundary line --" + boundary + "-- (cut off?); " + HOW);
        }
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/", content);
        request.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        HttpPostMultipartRequestDecoder decoder = null;
        try {
            byte[] image = null;
            boolean imageAsText = false;
            Map<String, String> fields = new LinkedHashMap<>();
            try {
                decoder = new HttpPostMultipartRequestDecoder(new DefaultHttpDataFactory(false), request,
                        StandardCharsets.UTF_8);
                for (InterfaceHttpData part : decoder.getBodyHttpDatas()) {
                    if (part instanceof FileUpload file) {
                        if (IMAGE.equals(part.getName())) {
                            if (image != null) {
                                throw new BadRequestException("the form has more than one 'image' part; send one "
                                        + "image per request");
                            }
                            image = file.get();
                        }
                    } else if (part instanceof Attribute field) {
                        imageAsText |= IMAGE.equals(part.getName());
                        String earlier = fields.putIfAbsent(part.getName(), field.getValue());
                        if (earlier != null && !earlier.equals(field.getValue())) {
                            throw new BadRequestException("the form field " + part.getName() + " is given more than "
                                    + "once with different values (" + RequestParameterValues.shown(earlier) + ", "
                                    + RequestParameterValues.shown(field.getValue()) + "); give it once");
                        }
                    }
                }
            } catch (BadRequestException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                // Whatever a malformed body makes the decoder throw is the caller's to fix, not a server error.
                throw new BadRequestException("the multipart form cannot be read (" + e + "); " + HOW);
            }
            if (image == null && imageAsText) {
                throw new BadRequestException("the 'image' part must be a file (with a filename in its "
                        + "Content-Disposition), e.g. curl -F image=@photo.jpg");
            }
            if (image == null) {
                throw new BadRequestException("the multipart part 'image' is missing; send the image as "
                        + "-F image=@photo.jpg");
            }
            fields.remove(IMAGE);
            return new ImageUpload(image, fields);
        } finally {
            if (decoder != null) {
                decoder.destroy();
            }
            request.release();
        }
    }
}
