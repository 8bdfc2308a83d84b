package io.atrest.scanner.check;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Evidence as verdicts and findings hold it: in insertion order and read-only. A verdict becomes
 * a finding, and checks add evidence a fact at a time, so a map that is already evidence is
 * passed on as it is instead of being copied at every step.
 */
final class Evidence extends AbstractMap<String, String> {
    private final Map<String, String> entries;

    private Evidence(LinkedHashMap<String, String> owned) {
        this.entries = Collections.unmodifiableMap(owned);
    }

    /** {@code map} as evidence: itself when it already is, else a read-only copy. */
    static Map<String, String> of(Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        return map instanceof Evidence ? map : new Evidence(new LinkedHashMap<>(map));
    }

    /** Evidence over a map nobody else holds. */
    static Map<String, String> owning(LinkedHashMap<String, String> map) {
        return new Evidence(map);
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return entries.entrySet();
    }

    @Override
    public String get(Object key) {
        return entries.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public int size() {
        return entries.size();
    }
}
