package io.visualinspection.model.pattern;

import java.util.List;

/** One acceptable arrangement of a product: every item must be matched for the variant to pass. */
public record PatternVariant(String name, List<PatternItem> items) {

    public PatternVariant {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a variant needs a name");
        }
        items = List.copyOf(items);
    }

    /** True when the variant names this class in at least one item. */
    public boolean namesClass(int classId) {
        return items.stream().anyMatch(i -> i.classId() == classId);
    }
}
