package io.visualinspection.frontend.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.visualinspection.frontend.client.BackendClient;
import io.visualinspection.frontend.client.InspectionPage;
import io.visualinspection.model.InspectionRecord;
import io.visualinspection.model.image.ImageCodec;
import io.visualinspection.model.image.ImageDecodeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** The history from the backend; thumbnails are made here, small and kept for the most recent ids. */
@ApplicationScoped
public class BackendHistoryGateway implements HistoryGateway {

    private static final Logger LOG = Logger.getLogger(BackendHistoryGateway.class);
    static final int THUMBNAIL_WIDTH = 160;
    static final int THUMBNAILS_KEPT = 300;

    private final BackendClient backend;
    private final ObjectMapper json;
    /** Thumbnails by id, and ids whose images the backend no longer has (empty). */
    private final Map<String, Optional<ImageData>> thumbnails = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Optional<ImageData>> eldest) {
                    return size() > THUMBNAILS_KEPT;
                }
            });

    BackendHistoryGateway(@RestClient BackendClient backend, ObjectMapper json) {
        this.backend = backend;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Override
    public InspectionPage recent(DecisionFilter filter, int offset, int limit) {
        InspectionPage page = Upstream.BACKEND.call("history",
                () -> backend.inspections(Math.max(1, Math.min(limit, 500)), Math.max(0, offset), filter.query()));
        return page == null || page.items() == null ? InspectionPage.EMPTY : page;
    }

    @Override
    public Optional<Detail> find(String id) {
        String body = notFoundAsEmpty("inspection " + id, () -> backend.inspectionJson(id));
        if (body == null) {
            return Optional.empty();
        }
        try {
            InspectionRecord record = json.readValue(body, InspectionRecord.class);
            String pretty = json.writeValueAsString(json.readTree(body));
            return Optional.of(new Detail(record, pretty));
        } catch (IOException e) {
            throw new GatewayException("The inspection service sent a record this UI cannot read.", e);
        }
    }

    @Override
    public Optional<ImageData> image(String id, boolean drawn) {
        byte[] bytes = notFoundAsEmpty("image of " + id, () -> {
            try (Response r = drawn ? backend.imageDrawn(id) : backend.image(id)) {
                return r.readEntity(byte[].class);
            }
        });
        return Optional.ofNullable(bytes).map(ImageData::of);
    }

    @Override
    public Optional<ImageData> thumbnail(String id) {
        Optional<ImageData> kept = thumbnails.get(id);
        if (kept != null) {
            return kept;
        }
        Optional<ImageData> thumbnail = image(id, true).map(BackendHistoryGateway::shrink);
        thumbnails.put(id, thumbnail);
        return thumbnail;
    }

    static ImageData shrink(ImageData image) {
        try {
            BufferedImage full = ImageCodec.decode(image.bytes());
            if (full.getWidth() <= THUMBNAIL_WIDTH) {
                return image;
            }
            int height = Math.max(1, Math.round(full.getHeight() * (float) THUMBNAIL_WIDTH / full.getWidth()));
            BufferedImage small = new BufferedImage(THUMBNAIL_WIDTH, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = small.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(full, 0, 0, THUMBNAIL_WIDTH, height, null);
            } finally {
                g.dispose();
            }
            return new ImageData(ImageCodec.encodeJpeg(small, 80), "image/jpeg");
        } catch (ImageDecodeException e) {
            LOG.debugf("thumbnail: %s", e.getMessage());
            return image;
        }
    }

    /** The backend's 404 (unknown id, images not kept) is an empty answer, not an error. */
    private static <T> T notFoundAsEmpty(String what, Supplier<T> call) {
        try {
            return Upstream.BACKEND.call(what, call);
        } catch (GatewayException e) {
            if (e.getCause() instanceof WebApplicationException w && w.getResponse() != null
                    && w.getResponse().getStatus() == 404) {
                return null;
            }
            throw e;
        }
    }
}
