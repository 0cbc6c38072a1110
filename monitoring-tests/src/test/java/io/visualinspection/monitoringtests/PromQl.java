package io.visualinspection.monitoringtests;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL to check queries against real data: Grafana's variables replaced, an expression cut
 * into the parts that must each return series, and the metric names it selects.
 */
final class PromQl {

    /** Grafana's built-in interval variables, as the tests evaluate them. */
    static final Map<String, String> BUILT_INS = Map.of(
            "__rate_interval", "1m", "__interval", "1m", "__range", "15m", "__range_s", "900",
            "__range_ms", "900000", "__interval_ms", "60000");

    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\{(\\w+)(?::[\\w]+)?}|\\[\\[(\\w+)(?::[\\w]+)?]]|\\$(\\w+)");
    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile");
    private static final Set<String> GROUPING = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "atan2", "Inf",
            "NaN", "inf", "nan");
    private static final Set<String> SET_OPERATORS = Set.of("and", "or", "unless");
    private static final String[] COMPARISONS = {"==", "!=", ">=", "<=", ">", "<"};

    private PromQl() {
    }

    /**
     * Replaces Grafana's variables ({@code $name}, {@code ${name}}, {@code ${name:format}}, {@code [[name]]}) by
     * the given values and the built-in intervals; an unknown variable is an error.
     */
    static String substitute(String expr, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            String value = BUILT_INS.containsKey(name) ? BUILT_INS.get(name) : values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("undefined variable $" + name + " in: " + expr);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The parts of an expression that must each return series when the expression is right: the operands of
     * its top-level set operators ({@code and}, {@code or}, {@code unless}), and of each operand the sides of a
     * top-level comparison that are not numbers. {@code a / b > 0.2 and c >= 10} gives {@code a / b} and
     * {@code c}. An expression without either is its own only part.
     */
    static List<String> parts(String expr) {
        List<String> parts = new ArrayList<>();
        for (String operand : split(expr, true)) {
            for (String side : split(operand, false)) {
                if (!isNumber(side)) {
                    parts.add(side);
                }
            }
        }
        return parts;
    }

    /** The metric names an expression selects (not functions, aggregations, labels or keywords). */
    static Set<String> metricNames(String expr) {
        Set<String> names = new LinkedHashSet<>();
        int i = 0;
        int n = expr.length();
        while (i < n) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(expr, i);
            } else if (c == '{') {
                i = skipGroup(expr, i, '{', '}');
            } else if (c == '[') {
                i = skipGroup(expr, i, '[', ']');
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(expr.charAt(i + 1)))) {
                i = skipNumber(expr, i);
            } else if (isIdentifierStart(c)) {
                int end = i;
                while (end < n && isIdentifierPart(expr.charAt(end))) {
                    end++;
                }
                String word = expr.substring(i, end);
                int next = skipSpaces(expr, end);
                boolean call = next < n && expr.charAt(next) == '(';
                if (GROUPING.contains(word)) {
                    i = call ? skipGroup(expr, next, '(', ')') : end;
                    continue;
                }
                if (word.equals("offset")) {
                    i = skipDuration(expr, next);
                    continue;
                }
                if (!call && !AGGREGATIONS.contains(word) && !KEYWORDS.contains(word)) {
                    names.add(word);
                }
                i = end;
            } else {
                i++;
            }
        }
        return names;
    }

    private static List<String> split(String expr, boolean setOperators) {
        List<String> pieces = new ArrayList<>();
        int depth = 0;
        int start = 0;
        int i = 0;
        int n = expr.length();
        while (i < n) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(expr, i);
                continue;
            }
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            }
            if (depth == 0) {
                int operatorEnd = setOperators ? setOperatorAt(expr, i) : comparisonAt(expr, i);
                if (operatorEnd > i) {
                    pieces.add(expr.substring(start, i).strip());
                    i = skipModifiers(expr, operatorEnd);
                    start = i;
                    continue;
                }
            }
            i++;
        }
        pieces.add(expr.substring(start).strip());
        return pieces;
    }

    /** The end of a set operator keyword starting at i, or -1. */
    private static int setOperatorAt(String expr, int i) {
        if (i > 0 && isIdentifierPart(expr.charAt(i - 1))) {
            return -1;
        }
        for (String op : SET_OPERATORS) {
            int end = i + op.length();
            if (expr.startsWith(op, i) && (end >= expr.length() || !isIdentifierPart(expr.charAt(end)))) {
                return end;
            }
        }
        return -1;
    }

    private static int comparisonAt(String expr, int i) {
        for (String op : COMPARISONS) {
            if (expr.startsWith(op, i)) {
                return i + op.length();
            }
        }
        return -1;
    }

    /** Skips {@code bool}, {@code on(...)}, {@code ignoring(...)}, {@code group_left(...)}, {@code group_right(...)}. */
    private static int skipModifiers(String expr, int i) {
        while (true) {
            int j = skipSpaces(expr, i);
            int end = j;
            while (end < expr.length() && isIdentifierPart(expr.charAt(end))) {
                end++;
            }
            String word = expr.substring(j, end);
            if (word.equals("bool")) {
                i = end;
            } else if (GROUPING.contains(word)) {
                int next = skipSpaces(expr, end);
                i = next < expr.length() && expr.charAt(next) == '(' ? skipGroup(expr, next, '(', ')') : end;
            } else {
                return j;
            }
        }
    }

    static boolean isNumber(String s) {
        String t = s.strip();
        while (t.startsWith("(") && t.endsWith(")")) {
            t = t.substring(1, t.length() - 1).strip();
        }
        try {
            Double.parseDouble(t);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int skipString(String s, int i) {
        char quote = s.charAt(i);
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != quote) {
            j += quote != '`' && s.charAt(j) == '\\' ? 2 : 1;
        }
        return j + 1;
    }

    private static int skipGroup(String s, int i, char open, char close) {
        int depth = 0;
        int j = i;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '"' || c == '\'' || c == '`') {
                j = skipString(s, j);
                continue;
            }
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return j + 1;
            }
            j++;
        }
        return j;
    }

    private static int skipNumber(String s, int i) {
        int j = i;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.'
                || ((s.charAt(j) == '+' || s.charAt(j) == '-') && (s.charAt(j - 1) == 'e' || s.charAt(j - 1) == 'E')))) {
            j++;
        }
        return j;
    }

    private static int skipDuration(String s, int i) {
        int j = i;
        while (j < s.length() && Character.isLetterOrDigit(s.charAt(j))) {
            j++;
        }
        return j;
    }

    private static int skipSpaces(String s, int i) {
        int j = i;
        while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
            j++;
        }
        return j;
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':';
    }
}
