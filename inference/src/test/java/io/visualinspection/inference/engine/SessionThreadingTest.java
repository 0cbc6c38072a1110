package io.visualinspection.inference.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Test;

/** The thread settings every session gets. */
class SessionThreadingTest {

    @Test
    void threadsStopSpinningWhenARunReturns() throws OrtException {
        OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            OnnxDetector.applyThreading(options, new EngineSettings(2, 1, "all", "cpu"));
            assertThat(options.getConfigEntries()).containsEntry("session.force_spinning_stop", "1");
        }
    }
}
