package io.atrest.scanner.iam;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The condition keys of a request a check reasons about: each key either carries values or is
 * absent from the request (IAM's "not present in the request context"). Keys the context does
 * not mention are unknown: a check has not modelled them, and a condition on them is taken to
 * hold (see {@link ConditionEvaluator}).
 *
 * <p>Immutable; {@link #with} and {@link #without} return a new context.
 */
public final class RequestContext {
    /** Key (lower-cased) to values; an empty list means the key is absent from the request. */
    private final Map<String, List<String>> keys;

    private RequestContext(Map<String, List<String>> keys) {
        this.keys = keys;
    }

    public static RequestContext empty() {
        return new RequestContext(Map.of());
    }

    /** This context with {@code key} present and carrying {@code values} (several for a multivalued key). */
    public RequestContext with(String key, String... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a present key carries at least one value: " + key);
        }
        return put(key, List.of(values));
    }

    /** This context with {@code key} not present in the request. */
    public RequestContext without(String key) {
        return put(key, List.of());
    }

    private RequestContext put(String key, List<String> values) {
        Map<String, List<String>> copy = new HashMap<>(keys);
        copy.put(key.toLowerCase(Locale.ROOT), values);
        return new RequestContext(Map.copyOf(copy));
    }

    /** Whether the context says anything about {@code key}: present with values, or absent. */
    public boolean knows(String key) {
        return keys.containsKey(key.toLowerCase(Locale.ROOT));
    }

    /** The key's values; empty when the key is absent (or unknown: ask {@link #knows} first). */
    public List<String> values(String key) {
        return keys.getOrDefault(key.toLowerCase(Locale.ROOT), List.of());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        keys.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> text.append(text.isEmpty() ? "" : ", ")
                .append(e.getKey()).append(e.getValue().isEmpty() ? " absent" : "=" + String.join("|", e.getValue())));
        return text.isEmpty() ? "any request" : text.toString();
    }
}
