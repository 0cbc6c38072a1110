package io.visualinspection.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.visualinspection.model.ErrorResponse;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class CommonErrorMappersTest {

    private final CommonErrorMappers mappers = new CommonErrorMappers();

    @Test
    void runningOutOfMemoryIsAnOverloadWithRetryAfter() {
        Response r = mappers.outOfMemory(new OutOfMemoryError("Java heap space"));
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(((ErrorResponse) r.getEntity()).message()).contains("not enough memory").contains("retry");
    }

    @Test
    void runningOutOfMemoryIsRecognisedWhenWrapped() {
        Throwable wrapped = new CompletionException(
                new IllegalStateException("decoding failed", new OutOfMemoryError("Java heap space")));
        assertThat(mappers.unexpected(wrapped).getStatus()).isEqualTo(503);
        assertThat(mappers.unexpected(new IllegalStateException("a bug")).getStatus()).isEqualTo(500);
    }

    @Test
    void aBodyOfAnotherTypeIsNamedWithWhatToSendInstead() {
        assertThat(CommonErrorMappers.unsupportedMediaTypeMessage("POST", "/main", "image/JPEG; q=1")).isEqualTo(
                "POST /main does not take a body of Content-Type 'image/jpeg'; send the image in multipart/form-data, "
                        + "in a file part named 'image' (curl -F image=@photo.jpg)");
        assertThat(CommonErrorMappers.unsupportedMediaTypeMessage("POST", "/check-pattern", "text/plain"))
                .isEqualTo("POST /check-pattern does not take a body of Content-Type 'text/plain'; /q/openapi lists "
                        + "the types each endpoint takes");
        assertThat(CommonErrorMappers.unsupportedMediaTypeMessage("POST", "/inference", null))
                .startsWith("POST /inference does not take a body without a Content-Type;");
    }
}
