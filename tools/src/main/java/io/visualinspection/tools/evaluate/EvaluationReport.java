package io.visualinspection.tools.evaluate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The outcome of evaluating a pattern on a labelled image set, as {@code evaluate-pattern --json} writes it.
 * The confusion matrix has the decision from the labels in its rows and the decision from the predictions in
 * its columns; a false accept is a product that should fail (labels NOK) but passes on the predictions, a false
 * reject the reverse. Accuracy is the share of images where both agree (null without images). Images with
 * predictions (or an image file, when the model ran now) but no label file are listed as unlabelled: they have no
 * truth to be judged against, and a forgotten label file should not pass unnoticed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationReport(
        @JsonProperty("pattern") String pattern,
        @JsonProperty("pattern_file") String patternFile,
        @JsonProperty("labels") String labels,
        @JsonProperty("predictions") String predictions,
        @JsonProperty("min_score") double minScore,
        @JsonProperty("strict") Boolean strict,
        @JsonProperty("images") int images,
        @JsonProperty("agree") int agree,
        @JsonProperty("disagree") int disagree,
        @JsonProperty("accuracy") Double accuracy,
        @JsonProperty("confusion_matrix") ConfusionMatrix confusionMatrix,
        @JsonProperty("false_accepts") int falseAccepts,
        @JsonProperty("false_rejects") int falseRejects,
        @JsonProperty("disagreements") List<String> disagreements,
        @JsonProperty("missing_predictions") List<String> missingPredictions,
        @JsonProperty("unlabelled") List<String> unlabelled,
        @JsonProperty("results") List<ImageResult> results) {

    public record ConfusionMatrix(
            @JsonProperty("labels_ok") Row labelsOk,
            @JsonProperty("labels_nok") Row labelsNok) {
    }

    public record Row(
            @JsonProperty("predicted_ok") int predictedOk,
            @JsonProperty("predicted_nok") int predictedNok) {
    }

    /** The report of these results. */
    public static EvaluationReport of(String pattern, String patternFile, String labels, String predictions,
            double minScore, Boolean strict, List<ImageResult> results, List<String> missingPredictions,
            List<String> unlabelled) {
        int okOk = 0;
        int okNok = 0;
        int nokOk = 0;
        int nokNok = 0;
        for (ImageResult r : results) {
            if (r.labelsOk()) {
                if (r.predictionsOk()) {
                    okOk++;
                } else {
                    okNok++;
                }
            } else if (r.predictionsOk()) {
                nokOk++;
            } else {
                nokNok++;
            }
        }
        int agree = okOk + nokNok;
        return new EvaluationReport(pattern, patternFile, labels, predictions, minScore, strict, results.size(), agree,
                results.size() - agree, results.isEmpty() ? null : (double) agree / results.size(),
                new ConfusionMatrix(new Row(okOk, okNok), new Row(nokOk, nokNok)), nokOk, okNok,
                results.stream().filter(r -> !r.agree()).map(ImageResult::image).toList(),
                List.copyOf(missingPredictions), List.copyOf(unlabelled), List.copyOf(results));
    }

    /** True when every image was decided alike from labels and predictions, and none lacked predictions. */
    public boolean allAgree() {
        return disagree == 0 && missingPredictions.isEmpty();
    }
}
