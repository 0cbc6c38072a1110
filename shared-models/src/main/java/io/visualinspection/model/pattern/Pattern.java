package io.visualinspection.model.pattern;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The desired arrangement of a product, under a key (the file name of its YAML). Variants keep file
 * order, which decides which passing variant is reported. {@code strict} makes extra detections of a
 * named class fail a variant.
 */
public record Pattern(String key, List<PatternVariant> variants, boolean strict) {

    public Pattern {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a pattern needs a key");
        }
        variants = List.copyOf(variants);
        Set<String> seen = new HashSet<>();
        for (PatternVariant v : variants) {
            if (!seen.add(v.name())) {
                throw new IllegalArgumentException("variant '" + v.name() + "' appears twice");
            }
        }
    }

    public Pattern(String key, List<PatternVariant> variants) {
        this(key, variants, false);
    }

    /** The variant of this name, or null. */
    public PatternVariant variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst().orElse(null);
    }

    public List<String> variantNames() {
        return variants.stream().map(PatternVariant::name).toList();
    }
}
