package io.visualinspection.backend.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visualinspection.model.ErrorResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** How upstream answers become this backend's: which status, naming which upstream. */
class UpstreamsTest {

    private static Response answer(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorResponse(status, "x", message)).build();
    }

    @Test
    void anUpstreamRefusingTheBackendsTokenIs502NotTheCallers401() {
        for (int status : new int[] {401, 403}) {
            UpstreamException e = Upstreams.fromResponse("inference", answer(status, "no"), null);
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.upstream()).isEqualTo("inference");
            assertThat(e.kind()).isEqualTo("unauthorized");
            assertThat(e.getMessage()).contains("backend.inference.token");
        }
    }

    @Test
    void otherClientErrorsStayTheCallersToFix() {
        assertThat(Upstreams.fromResponse("camera", answer(404, "no camera"), null).status()).isEqualTo(404);
        assertThat(Upstreams.fromResponse("camera", answer(400, "bad"), null).status()).isEqualTo(400);
    }

    @Test
    void anImageFromTheCameraThatInferenceCannotReadIsTheCamerasFault() {
        UpstreamException refused = new UpstreamException("inference", 400, "refused",
                "inference refused the request: the image is corrupt or truncated", null);
        UpstreamException e = Upstreams.unusableCameraImage(refused);
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.upstream()).isEqualTo("camera");
        assertThat(e.getMessage()).startsWith("camera delivered an image that cannot be inspected")
                .contains("corrupt or truncated");
    }

    @Test
    void anUpstreamExceptionPassesThroughUnchanged() {
        UpstreamException inner = new UpstreamException("camera", 502, "bad_image", "camera ...", null);
        assertThatThrownBy(() -> Upstreams.call("inference", () -> {
            throw inner;
        })).isSameAs(inner);
    }
}
