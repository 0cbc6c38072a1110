package io.visualinspection.frontend.views;

import io.visualinspection.model.InspectionRecord;
import io.visualinspection.model.InspectionResult;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How results read in every view: decisions, pattern and items, timings, times. */
final class Texts {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private Texts() {
    }

    static String decision(Boolean decision) {
        return decision == null ? "NO DECISION" : decision ? "OK" : "NOK";
    }

    /** The CSS class of a decision: ok, nok or none. */
    static String decisionClass(Boolean decision) {
        return decision == null ? "none" : decision ? "ok" : "nok";
    }

    /** "demo-cat / cat-centred · 2/2 items", or the reason when no pattern was checked. */
    static String pattern(InspectionResult result) {
        StringBuilder text = new StringBuilder();
        if (result.patternKey() != null) {
            text.append(result.patternKey());
            if (result.patternName() != null) {
                text.append(" / ").append(result.patternName());
            }
            text.append(" · ").append(result.matchedItems()).append('/').append(result.totalItems()).append(" items");
        } else if (result.reason() != null) {
            text.append(result.reason());
        }
        return text.toString();
    }

    /** "camera 540 ms · inference 1480 ms · pattern 0 ms · total 2017 ms", total last. */
    static String timings(Map<String, Double> timings) {
        if (timings == null || timings.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        timings.forEach((stage, ms) -> {
            if (!stage.equals("total") && ms != null) {
                parts.add(stage + " " + ms(ms));
            }
        });
        Double total = timings.get("total");
        if (total != null) {
            parts.add("total " + ms(total));
        }
        return String.join(" · ", parts);
    }

    static String ms(double ms) {
        return String.format(Locale.ROOT, "%.0f ms", ms);
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    static String dateTime(Instant t) {
        return t == null ? "" : DATE_TIME.format(t);
    }

    /** "NOK by Anna at 10:42:05: scratch on the lid" */
    static String overrule(InspectionRecord.Overrule o) {
        StringBuilder text = new StringBuilder(decision(o.verdict()));
        if (o.operator() != null) {
            text.append(" by ").append(o.operator());
        }
        if (o.timestamp() != null) {
            text.append(" at ").append(time(o.timestamp()));
        }
        if (o.comment() != null) {
            text.append(": ").append(o.comment());
        }
        return text.toString();
    }
}
