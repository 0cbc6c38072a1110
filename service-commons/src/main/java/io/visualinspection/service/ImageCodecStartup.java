package io.visualinspection.service;

import io.quarkus.runtime.StartupEvent;
import io.visualinspection.model.image.ImageCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Says at start which JPEG codec the service uses: libjpeg-turbo is several times faster than the JDK's, so a
 * machine without {@code libturbojpeg0} serves correctly but slower, and the log is where an engineer sees why.
 */
@ApplicationScoped
public class ImageCodecStartup {

    private static final Logger LOG = Logger.getLogger(ImageCodecStartup.class);

    void onStart(@Observes StartupEvent event) {
        ImageCodec.jpegCodecProblem().ifPresentOrElse(
                problem -> LOG.warnf("JPEG codec: the JDK's (%s); install libturbojpeg0 for several times faster "
                        + "JPEG decoding and encoding", problem),
                () -> LOG.info("JPEG codec: libjpeg-turbo"));
    }
}
