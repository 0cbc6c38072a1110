package io.visualinspection.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** After everything else: no log of any service started by this suite holds a token, right or wrong. */
@Order(6)
class LogsIT {

    /** Searches every service log in {@code target/}; returns how many were searched. */
    static int assertNoTokens() throws IOException {
        List<String> secrets = List.of(Lab.CAMERA_TOKEN, Lab.INFERENCE_TOKEN, Lab.BACKEND_TOKEN,
                SecurityIT.WRONG_TOKEN, SecurityIT.BASIC_CREDENTIALS);
        List<Path> logs;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            logs = files.filter(p -> p.getFileName().toString().endsWith(".log")).toList();
        }
        for (Path log : logs) {
            String text = Files.readString(log);
            for (String secret : secrets) {
                assertThat(text).as(log + " must not contain a token").doesNotContain(secret);
            }
        }
        return logs.size();
    }

    @Test
    void tokensNeverReachALog() throws IOException {
        Lab.get();
        assertThat(assertNoTokens()).isPositive();
    }
}
