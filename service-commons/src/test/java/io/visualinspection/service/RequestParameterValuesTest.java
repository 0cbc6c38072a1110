package io.visualinspection.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestParameterValuesTest {

    private static MultivaluedMap<String, String> query(String... nameValues) {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            query.add(nameValues[i], nameValues[i + 1]);
        }
        return query;
    }

    @Test
    void oneValuePerNameTheSameValueRepeatedIncluded() {
        assertThat(RequestParameterValues.of(query("min_score", "0.3", "pattern_key", "a", "min_score", "0.3")))
                .containsOnly(Map.entry("min_score", "0.3"), Map.entry("pattern_key", "a"));
    }

    @Test
    void aNameGivenTwiceWithDifferentValuesIsRefusedNamingBoth() {
        assertThatThrownBy(() -> RequestParameterValues.of(query("min_score", "0.3", "min_score", "0.9")))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("min_score is given 2 times with different values ('0.3', '0.9'); give it once");
        assertThatThrownBy(() -> RequestParameterValues.of(query("strict", "", "strict", "true")))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("('', 'true')");
    }

    @Test
    void aNameInTheQueryAndTheFormOnlyWithTheSameValue() {
        assertThat(RequestParameterValues.of(query("min_score", "0.3"), Map.of("min_score", "0.3", "strict", "true")))
                .containsOnly(Map.entry("min_score", "0.3"), Map.entry("strict", "true"));
        assertThatThrownBy(() -> RequestParameterValues.of(query("pattern_key", "lid"),
                Map.of("pattern_key", "cap"))).isInstanceOf(BadRequestException.class)
                .hasMessage("pattern_key is given both in the query ('lid') and as a form field ('cap'); give it once");
    }

    @Test
    void aLongValueIsCutInTheMessage() {
        assertThatThrownBy(() -> RequestParameterValues.of(query("pattern_key", "x".repeat(500), "pattern_key", "y")))
                .hasMessageContaining("'" + "x".repeat(60) + "...', 'y'");
    }
}
