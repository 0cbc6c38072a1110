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
}
