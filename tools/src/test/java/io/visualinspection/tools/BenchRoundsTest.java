package io.visualinspection.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.visualinspection.tools.bench.LoadDriver;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How bench splits its work into rounds and adds the rounds' measurements up. */
class BenchRoundsTest {

    @Test
    void roundsShareTheWorkNearlyEquallyAndLoseNothing() {
        for (int total : new int[] {1, 3, 7, 300, 401}) {
            for (int rounds = 1; rounds <= Math.min(total, 6); rounds++) {
                int r = rounds;
                List<Integer> shares = IntStream.range(0, r).map(i -> BenchCommand.share(total, r, i)).boxed().toList();
                assertThat(shares.stream().mapToInt(Integer::intValue).sum()).as("%d in %d rounds", total, r)
                        .isEqualTo(total);
                assertThat(shares.stream().mapToInt(Integer::intValue).max().getAsInt()
                        - shares.stream().mapToInt(Integer::intValue).min().getAsInt()).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void roundsAddUpTheirMeasurementsErrorsAndTime() {
        LoadDriver.Result first = new LoadDriver.Result(List.of(10.0, 12.0), Map.of("session", List.of(8.0, 9.0)),
                Map.of(503, 1), 1.5, List.of("503 busy"));
        LoadDriver.Result second = new LoadDriver.Result(List.of(11.0), Map.of("session", List.of(7.0),
                "decode", List.of(1.0)), Map.of(503, 2, -1, 1), 0.5, List.of("503 busy", "-1 refused"));

        LoadDriver.Result both = LoadDriver.Result.empty().plus(first).plus(second);

        assertThat(both.latencies()).containsExactly(10.0, 12.0, 11.0);
        assertThat(both.stages()).containsEntry("session", List.of(8.0, 9.0, 7.0)).containsEntry("decode", List.of(1.0));
        assertThat(both.errors()).containsEntry(503, 3).containsEntry(-1, 1);
        assertThat(both.wallSeconds()).isEqualTo(2.0);
        assertThat(both.errorSamples()).containsExactly("503 busy", "503 busy", "-1 refused");
    }
}
