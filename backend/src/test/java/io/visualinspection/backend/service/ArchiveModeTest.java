package io.visualinspection.backend.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.visualinspection.backend.config.BackendConfig;
import io.visualinspection.backend.testing.ConfigProxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which inspections the archive keeps, by mode: all, one in N, none; failed ones whatever the mode if asked. */
class ArchiveModeTest {

    private static InspectionArchive archive(Optional<Path> dir, BackendConfig.Archive.Mode mode, int everyN,
            boolean alwaysFailed) {
        Map<String, Object> values = Map.of("dir", dir, "mode", mode, "everyN", everyN, "alwaysFailed", alwaysFailed,
                "queueSize", 4);
        BackendConfig config = ConfigProxy.of(BackendConfig.class,
                Map.of("archive", ConfigProxy.of(BackendConfig.Archive.class, values)));
        return new InspectionArchive(config, new ObjectMapper(), new SimpleMeterRegistry());
    }

    /** Which of the decisions, in order, the archive keeps. */
    private static List<Integer> kept(InspectionArchive archive, Boolean... decisions) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < decisions.length; i++) {
            if (archive.wants(decisions[i])) {
                kept.add(i);
            }
        }
        return kept;
    }

    private static final Path DIR = Path.of("archive");

    @Test
    void allKeepsEveryInspection() {
        assertThat(kept(archive(Optional.of(DIR), BackendConfig.Archive.Mode.ALL, 10, false), true, false, null))
                .containsExactly(0, 1, 2);
    }

    @Test
    void everyNKeepsTheFirstOfEachNAndFailedOnesBesideThem() {
        Boolean[] passes = {true, true, true, true, true, true, true};
        assertThat(kept(archive(Optional.of(DIR), BackendConfig.Archive.Mode.EVERY_N, 3, false), passes))
                .containsExactly(0, 3, 6);
        assertThat(kept(archive(Optional.of(DIR), BackendConfig.Archive.Mode.EVERY_N, 3, true),
                true, false, true, true, false, true, true)).containsExactly(0, 1, 3, 4, 6);
    }

    @Test
    void noneKeepsOnlyFailedOnesWhenAskedAndNothingWithoutAFolder() {
        assertThat(kept(archive(Optional.of(DIR), BackendConfig.Archive.Mode.NONE, 10, true), true, false, null, false))
                .containsExactly(1, 3);
        assertThat(kept(archive(Optional.of(DIR), BackendConfig.Archive.Mode.NONE, 10, false), true, false)).isEmpty();
        assertThat(kept(archive(Optional.empty(), BackendConfig.Archive.Mode.ALL, 10, true), true, false)).isEmpty();
    }
}
