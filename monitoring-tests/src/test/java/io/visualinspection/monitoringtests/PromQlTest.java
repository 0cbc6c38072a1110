package io.visualinspection.monitoringtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void variablesAndBuiltInIntervalsAreReplaced() {
        assertThat(PromQl.substitute("sum(rate(x{pattern=~\"$pattern\",job=~\"${job}\",i=~\"[[instance]]\"}"
                + "[$__rate_interval])) / $__range_s", Map.of("pattern", ".*", "job", "backend", "instance", "a")))
                .isEqualTo("sum(rate(x{pattern=~\".*\",job=~\"backend\",i=~\"a\"}[1m])) / 900");
        assertThat(PromQl.substitute("x{job=~\"${job:regex}\"}", Map.of("job", "a|b"))).isEqualTo("x{job=~\"a|b\"}");
    }

    @Test
    void anUnknownVariableIsAnError() {
        assertThatThrownBy(() -> PromQl.substitute("x{a=~\"$nope\"}", Map.of())).hasMessageContaining("$nope");
    }

    @Test
    void comparisonsWithNumbersAreLeftOut() {
        assertThat(PromQl.parts("up{job=~\"a|b\"} == 0")).containsExactly("up{job=~\"a|b\"}");
        assertThat(PromQl.parts("histogram_quantile(0.95, sum by (le) (rate(x_bucket[5m]))) > 2"))
                .containsExactly("histogram_quantile(0.95, sum by (le) (rate(x_bucket[5m])))");
        assertThat(PromQl.parts("0.2 < bool sum(a)")).containsExactly("sum(a)");
    }

    @Test
    void setOperatorsAndComparisonsBetweenVectorsGiveEachSide() {
        assertThat(PromQl.parts("(sum by (p) (rate(a{d=\"nok\"}[15m])) / sum by (p) (rate(a[15m]))) > 0.2\n"
                + "and on (p) sum by (p) (increase(a[15m])) >= 10"))
                .containsExactly("(sum by (p) (rate(a{d=\"nok\"}[15m])) / sum by (p) (rate(a[15m])))",
                        "sum by (p) (increase(a[15m]))");
        assertThat(PromQl.parts("a > ignoring (x) group_left b or c")).containsExactly("a", "b", "c");
    }

    @Test
    void nestedComparisonsAndOperatorsInsideStringsStayWhole() {
        assertThat(PromQl.parts("sum by (job) (jvm_memory_max_bytes{area=\"heap\"} > 0)"))
                .containsExactly("sum by (job) (jvm_memory_max_bytes{area=\"heap\"} > 0)");
        assertThat(PromQl.parts("x{uri!~\"/q/.*\",status=~\"[45]..\",m=\"a or b > c\"}"))
                .containsExactly("x{uri!~\"/q/.*\",status=~\"[45]..\",m=\"a or b > c\"}");
        assertThat(PromQl.parts("upstream_errors_total > 0")).containsExactly("upstream_errors_total");
    }

    @Test
    void metricNamesAreTheSelectorsOnly() {
        assertThat(PromQl.metricNames("histogram_quantile(0.95, sum by (le, stage) (rate(inspection_stage_seconds_bucket"
                + "{stage=~\"a|b\"}[1m]))) > 2 and on (stage) count without (le) (x_total offset 5m) > bool 1e-3"))
                .containsExactly("inspection_stage_seconds_bucket", "x_total");
        assertThat(PromQl.metricNames("time() - max by (pattern) (inspection_last_timestamp_seconds{p=~\".*\"})"))
                .containsExactly("inspection_last_timestamp_seconds");
        assertThat(PromQl.metricNames("sum by (model, class) (rate(a_total[1m])) / ignoring (class) group_left "
                + "sum by (model) (rate(b_count[1m])) * 60")).containsExactly("a_total", "b_count");
        assertThat(PromQl.metricNames("up")).containsExactly("up");
    }
}
