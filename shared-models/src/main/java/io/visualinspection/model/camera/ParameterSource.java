package io.visualinspection.model.camera;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The parameters of a request (or of a configured map), recording which names were read. Whatever reads the
 * parameters defines the names it takes, so a given name that nothing read is one it does not take: a misspelt
 * {@code pattern_key} would otherwise be left out without a word, and the photo checked against another pattern.
 */
public final class ParameterSource implements Function<String, String> {

    private final Set<String> given = new LinkedHashSet<>();
    private final Function<String, String> values;
    private final SortedSet<String> read = new TreeSet<>();

    /**
     * @param given the names the request carries (empty names, as in {@code ?&a=1}, are not parameters)
     * @param values a name's value, or null
     */
    public ParameterSource(Collection<String> given, Function<String, String> values) {
        for (String name : given) {
            if (name != null && !name.isEmpty()) {
                this.given.add(name);
            }
        }
        this.values = values;
    }

    /** The parameters of a map of one value per name: a request's, or a configured map's. */
    public static ParameterSource of(Map<String, String> values) {
        return new ParameterSource(values.keySet(), values::get);
    }

    @Override
    public String apply(String name) {
        read.add(name);
        return values.apply(name);
    }

    /** The given names that have not been read, in the order given. */
    public List<String> unread() {
        List<String> out = new ArrayList<>(given);
        out.removeAll(read);
        return out;
    }

    /** The names read so far, sorted. */
    public SortedSet<String> read() {
        return new TreeSet<>(read);
    }

    /**
     * What to tell a caller who sent names that were not read, e.g. {@code unknown parameter 'patern_key' for GET
     * /main/with-camera; known: [...]}; null when every given name was read.
     */
    public String unreadProblem(String what) {
        List<String> unread = unread();
        if (unread.isEmpty()) {
            return null;
        }
        return (unread.size() == 1 ? "unknown parameter '" : "unknown parameters '") + String.join("', '", unread)
                + "' for " + what + "; known: " + read;
    }
}
