package io.visualinspection.frontend.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** {@code GET /patterns}: the pattern keys with their variants, the default key, and files that failed to load. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatternList(
        @JsonProperty("default_key") String defaultKey,
        @JsonProperty("patterns") List<Entry> patterns,
        @JsonProperty("errors") Map<String, String> errors) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(@JsonProperty("key") String key, @JsonProperty("strict") boolean strict,
            @JsonProperty("variants") List<Variant> variants) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Variant(@JsonProperty("name") String name, @JsonProperty("items") int items) {
    }
}
