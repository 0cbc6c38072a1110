package io.visualinspection.model.testing;

import io.visualinspection.model.image.ImageCodec;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** libjpeg-turbo, for tests of what only it does (reduced decoding). */
public final class JpegLibrary {

    private JpegLibrary() {
    }

    /**
     * libjpeg-turbo in this process, or the test is skipped with the reason; failed on CI, which installs it
     * ({@code .ci/run}).
     */
    public static void require() {
        var problem = ImageCodec.jpegCodecProblem();
        if (problem.isPresent()) {
            String reason = problem.get() + " (apt-get install libturbojpeg0)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(reason + "; CI=true, so this is a failure");
            }
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
    }
}
