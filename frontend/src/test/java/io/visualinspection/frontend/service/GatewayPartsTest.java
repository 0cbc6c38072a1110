package io.visualinspection.frontend.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.visualinspection.frontend.client.BackendAuthHeadersAccess;
import io.visualinspection.model.image.ImageCodec;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small parts of the gateways: images, thumbnails, the token header, readiness texts. */
class GatewayPartsTest {

    @Test
    void imagesAreToldApartByTheirFirstBytes() {
        assertThat(ImageData.mediaType(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})).isEqualTo("image/jpeg");
        assertThat(ImageData.mediaType(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10})).isEqualTo("image/png");
        assertThat(ImageData.mediaType(new byte[] {'B', 'M', 0, 0})).isEqualTo("image/bmp");
        assertThat(ImageData.mediaType("RIFF\0\0\0\0WEBPVP8 ".getBytes())).isEqualTo("image/webp");
        assertThat(ImageData.ofBase64("iVBORw0KGgo=").dataUrl()).isEqualTo("data:image/png;base64,iVBORw0KGgo=");
        assertThat(ImageData.ofBase64(null)).isNull();
    }

    @Test
    void thumbnailsAreSmallJpegs() throws Exception {
        BufferedImage big = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        ImageData thumb = BackendHistoryGateway.shrink(ImageData.of(ImageCodec.encode(big, "png", 90)));
        assertThat(thumb.mediaType()).isEqualTo("image/jpeg");
        BufferedImage small = ImageCodec.decode(thumb.bytes());
        assertThat(small.getWidth()).isEqualTo(BackendHistoryGateway.THUMBNAIL_WIDTH);
        assertThat(small.getHeight()).isEqualTo(120);
    }

    @Test
    void theTokenGoesAsABearerHeaderOnlyWhenSet() {
        assertThat(BackendAuthHeadersAccess.headers(Optional.of(" s3cret "))
                .update(new MultivaluedHashMap<>(), new MultivaluedHashMap<>()).getFirst("Authorization"))
                .isEqualTo("Bearer s3cret");
        assertThat(BackendAuthHeadersAccess.headers(Optional.empty())
                .update(new MultivaluedHashMap<>(), new MultivaluedHashMap<>())).isEmpty();
        assertThat(BackendAuthHeadersAccess.headers(Optional.of("s3cret")).toString()).doesNotContain("s3cret");
    }

    @Test
    void readinessTextsLoseTheRestClientsMethodNames() {
        assertThat(HttpStatusGateway.tidy("down: Received: 'Service Unavailable, status code 503' when invoking REST "
                + "Client method: 'io.visualinspection.backend.client.CameraClient#cameraInfo'"))
                .isEqualTo("down: HTTP 503 Service Unavailable");
        assertThat(HttpStatusGateway.tidy("up")).isEqualTo("up");
    }
}
