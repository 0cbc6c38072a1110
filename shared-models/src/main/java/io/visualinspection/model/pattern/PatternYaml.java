package io.visualinspection.model.pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.visualinspection.model.Box;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads and writes pattern files (SPEC "Patterns"): a YAML mapping of variant names to lists of items
 * {@code {class_id, inner: [x0,y0,x1,y1], outer: [x0,y0,x1,y1]}}, normalised coordinates. Files written for
 * the ancestor system load unchanged (unknown item fields are ignored). One optional top-level key
 * {@code strict: true|false} sets the pattern's strictness; it cannot clash with a variant because a
 * variant is a list. Errors name the file and line.
 */
public final class PatternYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    /** File name endings read as pattern files. */
    public static final List<String> EXTENSIONS = List.of(".yaml", ".yml");

    private PatternYaml() {
    }

    /** The key a pattern file stands for: its name without extension; null if it is not a pattern file. */
    public static String keyOf(Path file) {
        String name = file.getFileName().toString();
        for (String ext : EXTENSIONS) {
            if (name.toLowerCase(Locale.ROOT).endsWith(ext) && name.length() > ext.length()) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return null;
    }

    public static Pattern read(Path file) throws PatternFileException {
        String key = keyOf(file);
        if (key == null) {
            throw new PatternFileException(file.toString(), 0, "a pattern file name ends with .yaml or .yml", null);
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(key, reader, file.toString());
        } catch (IOException e) {
            throw new PatternFileException(file.toString(), 0, "cannot read the file: " + e.getMessage(), e);
        }
    }

    public static Pattern parse(String key, String yaml) throws PatternFileException {
        return parse(key, new StringReader(yaml), key);
    }

    private record RawItem(@JsonProperty("class_id") Integer classId, @JsonProperty("inner") double[] inner,
            @JsonProperty("outer") double[] outer) {
    }

    public static Pattern parse(String key, Reader reader, String source) throws PatternFileException {
        List<PatternVariant> variants = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        boolean strict = false;
        try (JsonParser p = YAML.createParser(reader)) {
            JsonToken token = p.nextToken();
            if (token == null) {
                throw new PatternFileException(source, 1,
                        "the file is empty; a pattern maps variant names to lists of items", null);
            }
            if (token != JsonToken.START_OBJECT) {
                throw new PatternFileException(source, line(p.currentTokenLocation()),
                        "a pattern file is a mapping of variant names to lists of items", null);
            }
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                int nameLine = line(p.currentTokenLocation());
                JsonToken value = p.nextToken();
                if ("strict".equals(name) && value.isBoolean()) {
                    strict = value == JsonToken.VALUE_TRUE;
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw new PatternFileException(source, nameLine, "variant '" + name
                            + "' must be a list of items {class_id, inner, outer}", null);
                }
                if (!names.add(name)) {
                    throw new PatternFileException(source, nameLine, "variant '" + name + "' appears twice", null);
                }
                List<PatternItem> items = new ArrayList<>();
                while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                    int itemLine = line(p.currentTokenLocation());
                    if (token != JsonToken.START_OBJECT) {
                        throw new PatternFileException(source, itemLine, "each item of variant '" + name
                                + "' must be a mapping {class_id, inner, outer}", null);
                    }
                    RawItem raw = p.readValueAs(RawItem.class);
                    items.add(toItem(raw, source, itemLine, name));
                }
                if (items.isEmpty()) {
                    throw new PatternFileException(source, nameLine, "variant '" + name
                            + "' has no items; a variant without items can never pass", null);
                }
                variants.add(new PatternVariant(name, items));
            }
        } catch (JsonProcessingException e) {
            throw new PatternFileException(source, line(e.getLocation()), e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new PatternFileException(source, 0, "cannot read the pattern: " + e.getMessage(), e);
        }
        if (variants.isEmpty()) {
            throw new PatternFileException(source, 1, "the pattern has no variants", null);
        }
        return new Pattern(key, variants, strict);
    }

    private static PatternItem toItem(RawItem raw, String source, int line, String variant)
            throws PatternFileException {
        String where = "item of variant '" + variant + "': ";
        if (raw == null || raw.classId() == null) {
            throw new PatternFileException(source, line, where + "class_id is missing", null);
        }
        if (raw.inner() == null || raw.outer() == null) {
            throw new PatternFileException(source, line, where + "needs both inner and outer [x0, y0, x1, y1]",
                    null);
        }
        try {
            return new PatternItem(raw.classId(), Box.of(raw.inner()).requireNormalised("inner"),
                    Box.of(raw.outer()).requireNormalised("outer"));
        } catch (IllegalArgumentException e) {
            throw new PatternFileException(source, line, where + e.getMessage(), e);
        }
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }

    /** The pattern as YAML in the format {@link #parse} reads, boxes on one line each. */
    public static String write(Pattern pattern) {
        StringBuilder out = new StringBuilder();
        if (pattern.strict()) {
            out.append("strict: true\n");
        }
        for (PatternVariant variant : pattern.variants()) {
            out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(variant.name())).append("\":\n");
            for (PatternItem item : variant.items()) {
                out.append("  - class_id: ").append(item.classId()).append('\n');
                out.append("    inner: ").append(flow(item.inner())).append('\n');
                out.append("    outer: ").append(flow(item.outer())).append('\n');
            }
        }
        return out.toString();
    }

    private static String flow(Box box) {
        return String.format(Locale.ROOT, "[%s, %s, %s, %s]", number(box.x0()), number(box.y0()),
                number(box.x1()), number(box.y1()));
    }

    private static String number(double v) {
        // Enough digits for sub-pixel precision on any camera, without float noise.
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }
}
