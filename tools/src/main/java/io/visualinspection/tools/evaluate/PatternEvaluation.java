package io.visualinspection.tools.evaluate;

import io.visualinspection.model.labels.LabelledObject;
import io.visualinspection.model.pattern.Pattern;
import io.visualinspection.model.pattern.PatternCheckResult;
import io.visualinspection.model.pattern.PatternMatcher;
import java.util.List;

/**
 * Decides an image twice with the backend's pattern check: from its labels (score 1, so the minimum score
 * never drops them) and from the model's predictions (those scoring below the minimum take no part).
 */
public final class PatternEvaluation {

    private final Pattern pattern;
    private final double minScore;
    private final Boolean strict;

    /** @param strict null to use the pattern's own strictness */
    public PatternEvaluation(Pattern pattern, double minScore, Boolean strict) {
        this.pattern = pattern;
        this.minScore = minScore;
        this.strict = strict;
    }

    public ImageResult judge(String image, List<LabelledObject> labels, List<LabelledObject> predictions) {
        PatternCheckResult fromLabels = check(labels);
        PatternCheckResult fromPredictions = check(predictions);
        return new ImageResult(image, Boolean.TRUE.equals(fromLabels.decision())
                == Boolean.TRUE.equals(fromPredictions.decision()), fromLabels, fromPredictions);
    }

    public PatternCheckResult check(List<LabelledObject> objects) {
        return PatternMatcher.check(pattern, objects.stream().map(LabelledObject::toDetection).toList(), minScore,
                strict);
    }
}
