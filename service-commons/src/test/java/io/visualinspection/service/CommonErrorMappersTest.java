package io.visualinspection.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.visualinspection.model.ErrorResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class CommonErrorMappersTest {

    private final CommonErrorMappers mappers = new CommonErrorMappers();

    @Test
    void aMultipartBodyThatEndsEarlyIsTheCallersFault() {
        IOException e = new IOException("Connection terminated parsing multipart request");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.jboss.resteasy.reactive.server.core.multipart.MultiPartParserDefinition"
                    + "$MultiPartUploadHandler", "parseBlocking", "MultiPartParserDefinition.java", 250),
            new StackTraceElement("org.jboss.resteasy.reactive.server.handlers.FormBodyHandler", "handle",
                    "FormBodyHandler.java", 95),
        });
        Response r = mappers.unreadableBody(e);
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(((ErrorResponse) r.getEntity()).message())
                .contains("multipart/form-data body is malformed").contains("Connection terminated");
    }

    @Test
    void otherIoFaultsAreTheServicesOwn() {
        IOException e = new IOException("disk gone");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("io.visualinspection.backend.service.InspectionArchive", "write", "x.java", 1),
        });
        assertThat(mappers.unreadableBody(e).getStatus()).isEqualTo(500);
    }

    @Test
    void runningOutOfMemoryIsAnOverloadWithRetryAfter() {
        Response r = mappers.outOfMemory(new OutOfMemoryError("Java heap space"));
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(((ErrorResponse) r.getEntity()).message()).contains("not enough memory").contains("retry");
    }

    @Test
    void runningOutOfMemoryIsRecognisedWhenWrapped() {
        Throwable wrapped = new java.util.concurrent.CompletionException(
                new IllegalStateException("decoding failed", new OutOfMemoryError("Java heap space")));
        assertThat(mappers.unexpected(wrapped).getStatus()).isEqualTo(503);
        assertThat(mappers.unexpected(new IllegalStateException("a bug")).getStatus()).isEqualTo(500);
    }
}
