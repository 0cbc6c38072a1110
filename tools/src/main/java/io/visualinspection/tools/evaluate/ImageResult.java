package io.visualinspection.tools.evaluate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.visualinspection.model.pattern.PatternCheckResult;

/** One image decided twice: from its labels (what should happen) and from the model's predictions. */
public record ImageResult(
        @JsonProperty("image") String image,
        @JsonProperty("agree") boolean agree,
        @JsonProperty("labels") PatternCheckResult labels,
        @JsonProperty("predictions") PatternCheckResult predictions) {

    @JsonIgnore
    public boolean labelsOk() {
        return Boolean.TRUE.equals(labels.decision());
    }

    @JsonIgnore
    public boolean predictionsOk() {
        return Boolean.TRUE.equals(predictions.decision());
    }
}
