package io.visualinspection.inference.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** What a check of the models folder changed: model names loaded, replaced, removed; folders rejected with why. */
public record ReloadReport(
        @JsonProperty("loaded") List<String> loaded,
        @JsonProperty("replaced") List<String> replaced,
        @JsonProperty("removed") List<String> removed,
        @JsonProperty("rejected") Map<String, String> rejected,
        @JsonProperty("serving") List<String> serving) {

    public boolean changed() {
        return !loaded.isEmpty() || !replaced.isEmpty() || !removed.isEmpty() || !rejected.isEmpty();
    }
}
