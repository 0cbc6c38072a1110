package io.visualinspection.service;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One value per parameter name, from the query and the text fields of a form. A name given twice with different
 * values is refused (400), since either choice would be a guess: JAX-RS hands out the first value, the ancestor
 * (FastAPI) took the last, and {@code ?min_score=0.3&min_score=0.9} may well be a script's default followed by its
 * override. The same value repeated is taken.
 */
public final class RequestParameterValues {

    private RequestParameterValues() {
    }

    /** The query's parameters, one value each. */
    public static Map<String, String> of(MultivaluedMap<String, String> query) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            Set<String> distinct = new LinkedHashSet<>(e.getValue());
            if (distinct.size() > 1) {
                throw new BadRequestException(e.getKey() + " is given " + e.getValue().size() + " times with "
                        + "different values (" + quoted(distinct) + "); give it once");
            }
            if (!distinct.isEmpty()) {
                values.put(e.getKey(), distinct.iterator().next());
            }
        }
        return values;
    }

    /** The query's parameters and the form's fields together, a name in both only with the same value. */
    public static Map<String, String> of(MultivaluedMap<String, String> query, Map<String, String> formFields) {
        Map<String, String> values = of(query);
        for (Map.Entry<String, String> field : formFields.entrySet()) {
            String inQuery = values.putIfAbsent(field.getKey(), field.getValue());
            if (inQuery != null && !inQuery.equals(field.getValue())) {
                throw new BadRequestException(field.getKey() + " is given both in the query (" + shown(inQuery)
                        + ") and as a form field (" + shown(field.getValue()) + "); give it once");
            }
        }
        return values;
    }

    private static String quoted(Set<String> values) {
        return values.stream().map(RequestParameterValues::shown).collect(Collectors.joining(", "));
    }

    /** A value as a message shows it: quoted, and cut after 60 characters. */
    static String shown(String value) {
        return "'" + (value.length() > 60 ? value.substring(0, 60) + "..." : value) + "'";
    }
}
