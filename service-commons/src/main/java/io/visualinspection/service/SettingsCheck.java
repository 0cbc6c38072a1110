package io.visualinspection.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The problems of a service's settings, collected so that the start fails once, naming every setting that is out
 * of its range, instead of at the first request, or never (a queue of -1 taken as 0, a minimum score of 1.5 that no
 * detection reaches).
 */
public final class SettingsCheck {

    private final String service;
    private final List<String> problems = new ArrayList<>();

    /** {@code service} names the configuration in the failure: "invalid backend configuration: ...". */
    public SettingsCheck(String service) {
        this.service = service;
    }

    public SettingsCheck atLeast(String name, long value, long min) {
        if (value < min) {
            problems.add(name + " must be at least " + min + ", got " + value);
        }
        return this;
    }

    public SettingsCheck within(String name, long value, long min, long max) {
        if (value < min || value > max) {
            problems.add(name + " must be in " + min + ".." + max + ", got " + value);
        }
        return this;
    }

    public SettingsCheck within(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            problems.add(name + " must be in " + number(min) + ".." + number(max) + ", got " + number(value));
        }
        return this;
    }

    public SettingsCheck notNegative(String name, Duration value) {
        if (value.isNegative()) {
            problems.add(name + " must not be negative, got " + value.toString().substring(2).toLowerCase(Locale.ROOT));
        }
        return this;
    }

    /** A problem the ranges above cannot say: a bad name, two cameras with one address... */
    public SettingsCheck problem(String problem) {
        problems.add(problem);
        return this;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Fails the start with every problem found, when there is one. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid " + service + " configuration: " + String.join("; ", problems));
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
