package io.visualinspection.backend.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** How upstream answers and failures become this backend's: which status, naming which upstream. */
class UpstreamsTest {

    @Test
    void anUpstreamRefusingTheBackendsTokenIs502NotTheCallers401() {
        for (int status : new int[] {401, 403}) {
            UpstreamException e = Upstreams.fromResponse("inference", status, "no");
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.upstream()).isEqualTo("inference");
            assertThat(e.kind()).isEqualTo("unauthorized");
            assertThat(e.getMessage()).contains("backend.inference.token");
        }
    }

    @Test
    void otherClientErrorsStayTheCallersToFix() {
        UpstreamException notFound = Upstreams.fromResponse("camera", 404, "no camera");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.callersToFix()).isTrue();
        assertThat(notFound.getMessage()).isEqualTo("camera refused the request: no camera");
        assertThat(Upstreams.fromResponse("camera", 400, "bad").status()).isEqualTo(400);
    }

    @Test
    void overloadTimeoutAndServerErrorsKeepTheirMeaning() {
        assertThat(Upstreams.fromResponse("inference", 503, "queue is full").status()).isEqualTo(503);
        assertThat(Upstreams.fromResponse("camera", 504, "slow").kind()).isEqualTo("timeout");
        UpstreamException failed = Upstreams.fromResponse("inference", 500, "boom");
        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.callersToFix()).isFalse();
        assertThat(failed.getMessage()).isEqualTo("inference failed with HTTP 500: boom");
    }

    @Test
    void silenceIs504AndNoConnectionIs502() {
        UpstreamException silent = Upstreams.fromTransport("camera", new SocketTimeoutException("Read timed out"));
        assertThat(silent.status()).isEqualTo(504);
        assertThat(silent.getMessage()).isEqualTo("camera did not answer in time");
        UpstreamException noConnect = Upstreams.fromTransport("camera",
                new SocketTimeoutException("Connect timed out"));
        assertThat(noConnect.status()).isEqualTo(502);
        assertThat(noConnect.kind()).isEqualTo("unreachable");
        assertThat(Upstreams.fromTransport("inference", new ConnectException("Connection refused")).getMessage())
                .isEqualTo("inference is unreachable: cannot connect (Connection refused)");
        assertThat(Upstreams.fromTransport("inference", new UnknownHostException("inferenz")).getMessage())
                .isEqualTo("inference is unreachable: unknown host inferenz");
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
}
