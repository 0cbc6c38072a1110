package io.visualinspection.frontend.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visualinspection.model.ErrorResponse;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Failures of the services as an operator reads them: their own message, or plain words; never a trace. */
class UpstreamTest {

    static WebApplicationException answered(int status, Object body) {
        return new WebApplicationException(Response.status(status).entity(body).build());
    }

    @Test
    void theBackendsMessageIsShownAsItIs() {
        WebApplicationException e = answered(503, new ErrorResponse(503, "Service Unavailable",
                "camera is unavailable: camera EMU-0001 disconnected", "camera"));
        assertThatThrownBy(() -> Upstream.BACKEND.call("inspection", () -> {
            throw e;
        }, InspectionFailedException::new)).isInstanceOf(InspectionFailedException.class)
                .hasMessage("camera is unavailable: camera EMU-0001 disconnected");
    }

    @Test
    void withoutAMessageTheStatusIsNamed() {
        assertThat(Upstream.INFERENCE.message(answered(500, "<html>oops</html>")))
                .isEqualTo("The inference service answered HTTP 500.");
    }

    @Test
    void aMissingOrRefusedTokenSaysWhatToSet() {
        assertThat(Upstream.BACKEND.message(answered(401, new ErrorResponse(401, "Unauthorized", "x"))))
                .isEqualTo("The inspection service requires a token: set ui.backend-token (UI_BACKEND_TOKEN) "
                        + "for this UI.");
        assertThat(Upstream.BACKEND.message(answered(403, new ErrorResponse(403, "Forbidden", "x"))))
                .isEqualTo("The inspection service does not accept this UI's token (ui.backend-token).");
    }

    @Test
    void noConnectionAndNoAnswerInTimeArePlainWords() {
        assertThat(Upstream.BACKEND.message(new ProcessingException(new ConnectException("Connection refused"))))
                .isEqualTo("The inspection service (backend) cannot be reached. Check that it is running "
                        + "(Status page).");
        assertThat(Upstream.BACKEND.message(new ProcessingException(new TimeoutException())))
                .startsWith("The inspection service (backend) did not answer in time.");
        assertThat(Upstream.CAMERA.message(new ProcessingException("io.vertx.core.VertxException: Connection was "
                + "closed"))).isEqualTo("The camera adapter cannot be reached. Check that it is running.");
    }

    @Test
    void successPassesThrough() {
        assertThat(Upstream.BACKEND.call("x", () -> 42)).isEqualTo(42);
    }
}
