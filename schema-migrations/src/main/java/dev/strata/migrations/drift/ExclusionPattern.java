package dev.strata.migrations.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One pattern of objects {@code strata diff} leaves out, written {@code <selector>:<value>}:
 * <ul>
 *   <li>{@code schema:<glob>}: every object in a matching schema, and the schema itself ({@code schema:audit});</li>
 *   <li>{@code kind:<kind>}: every object of that kind ({@code kind:function});</li>
 *   <li>{@code <kind>:<glob>}: the objects of that kind whose qualified name matches ({@code table:public.flyway_schema_history},
 *       {@code function:public.audit_*});</li>
 *   <li>{@code object:<glob>}: objects of any kind whose qualified name matches ({@code object:public.tmp_*}).</li>
 * </ul>
 * A glob's {@code *} stands for any run of characters (dots included); everything else is literal and compared with
 * the name as {@code strata diff} prints it ({@code quote_ident}: {@code public."Audit"}). The kinds are
 * {@link ObjectKind}'s names in lower case ({@code materialized_view}). Excluding a table, view or materialized view
 * also excludes its parts (columns, constraints, indexes, triggers, owned sequences).
 */
public final class ExclusionPattern {
    private static final String SCHEMA = "schema";
    private static final String KIND = "kind";
    private static final String OBJECT = "object";

    private final String text;
    private final String selector;
    private final Optional<ObjectKind> kind;
    private final String value;
    private final Pattern glob;

    private ExclusionPattern(String text, String selector, Optional<ObjectKind> kind, String value) {
        this.text = text;
        this.selector = selector;
        this.kind = kind;
        this.value = value;
        this.glob = globToRegex(value);
    }

    /**
     * @throws IllegalArgumentException naming what is wrong with {@code text} and what is expected instead
     */
    public static ExclusionPattern parse(String text) {
        Objects.requireNonNull(text, "text");
        String pattern = text.strip();
        int colon = pattern.indexOf(':');
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("an empty pattern: expected " + FORMS);
        }
        if (colon < 0) {
            throw new IllegalArgumentException("'" + pattern + "' has no selector: expected " + FORMS
                    + ", e.g. table:*." + pattern);
        }
        String selector = pattern.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = pattern.substring(colon + 1).strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("'" + pattern + "' names nothing after '" + selector + ":': expected "
                    + (selector.equals(KIND) ? "a kind, one of " + kindNames() : "a name or a glob such as public.audit_*"));
        }
        if (selector.equals(KIND)) {
            ObjectKind kind = kind(value).orElseThrow(() -> new IllegalArgumentException("'" + pattern
                    + "' names an unknown kind '" + value + "': expected one of " + kindNames()
                    + (value.contains("*") ? " (a kind is named exactly, without *)" : "")));
            return new ExclusionPattern(pattern, selector, Optional.of(kind), "*");
        }
        if (selector.equals(SCHEMA)) {
            if (isQualified(value)) {
                throw new IllegalArgumentException("'" + pattern + "' names an object, not a schema: write schema:"
                        + value.substring(0, value.indexOf('.')) + " for the whole schema, or table:" + value
                        + " (or another kind) for the object");
            }
            return new ExclusionPattern(pattern, selector, Optional.empty(), value);
        }
        if (selector.equals(OBJECT)) {
            return new ExclusionPattern(pattern, selector, Optional.empty(), value);
        }
        Optional<ObjectKind> kind = kind(selector);
        if (kind.isEmpty()) {
            throw new IllegalArgumentException("'" + pattern + "' has an unknown selector '" + selector
                    + "': expected schema, kind, object or a kind (" + kindNames() + ")");
        }
        boolean qualifiedNames = kind.get() != ObjectKind.SCHEMA && kind.get() != ObjectKind.EXTENSION;
        if (qualifiedNames && !isQualified(value) && !value.startsWith("*")) {
            throw new IllegalArgumentException("'" + pattern + "' names an unqualified object: diff names every "
                    + kind.get().label() + " with its schema, so write " + selector + ":public." + value + " or "
                    + selector + ":*." + value + " (any schema)");
        }
        return new ExclusionPattern(pattern, selector, kind, value);
    }

    private static final String FORMS = "<selector>:<name>, where the selector is schema, kind, object or a kind"
            + " (table, view, function, …)";

    /** The pattern as written (trimmed), e.g. {@code table:public.flyway_schema_history}. */
    public String text() {
        return text;
    }

    /**
     * Whether this pattern names {@code object} itself (not as a part of a relation it names).
     *
     * @param schema the schema the object is in ({@link #schemaOf(SchemaObject)})
     */
    boolean matches(SchemaObject object, Optional<String> schema) {
        return switch (selector) {
            case SCHEMA -> schema.filter(name -> glob.matcher(name).matches()).isPresent();
            case KIND -> object.kind() == kind.orElseThrow();
            case OBJECT -> glob.matcher(object.name()).matches();
            default -> object.kind() == kind.orElseThrow() && glob.matcher(object.name()).matches();
        };
    }

    /**
     * The schema an object is in, as printed: a schema's own name, an extension's schema, or the first identifier of a
     * qualified name ({@code "my.schema"} stays whole when quoted).
     */
    static Optional<String> schemaOf(SchemaObject object) {
        return switch (object.kind()) {
            case SCHEMA -> Optional.of(object.name());
            case EXTENSION -> object.attribute("schema");
            default -> firstIdentifier(object.name());
        };
    }

    private static Optional<String> firstIdentifier(String name) {
        boolean quoted = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                return Optional.of(name.substring(0, i));
            }
        }
        return Optional.empty();
    }

    private static boolean isQualified(String value) {
        return firstIdentifier(value).isPresent();
    }

    private static Optional<ObjectKind> kind(String name) {
        return Arrays.stream(ObjectKind.values())
                .filter(kind -> kind.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    static String kindNames() {
        List<String> names = new ArrayList<>();
        for (ObjectKind kind : ObjectKind.values()) {
            names.add(kind.name().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", names);
    }

    private static Pattern globToRegex(String glob) {
        List<String> literals = new ArrayList<>();
        for (String literal : glob.split("\\*", -1)) {
            literals.add(Pattern.quote(literal));
        }
        return Pattern.compile(String.join(".*", literals), Pattern.DOTALL);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExclusionPattern pattern && pattern.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
