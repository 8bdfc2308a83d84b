package io.atrest.scanner.check;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Evidence as verdicts and findings hold it: in insertion order and read-only. Checks add
 * evidence a fact at a time ({@link Verdict#with}), and a verdict holds a handful of facts, so
 * the entries are two flat arrays: adding one copies a few references instead of a hash map,
 * and a map that is already evidence is passed on as it is.
 */
final class Evidence extends AbstractMap<String, String> {
    private static final Evidence EMPTY = new Evidence(new String[0], new String[0]);

    private final String[] keys;
    private final String[] values;

    private Evidence(String[] keys, String[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** {@code map} as evidence: itself when it already is, else a read-only copy in its iteration order. */
    static Map<String, String> of(Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return EMPTY;
        }
        if (map instanceof Evidence) {
            return map;
        }
        Evidence copy = EMPTY;
        for (Map.Entry<String, String> e : map.entrySet()) {
            copy = copy.with(e.getKey(), e.getValue());
        }
        return copy;
    }

    /** This evidence and one fact more; a fact already held keeps its place and takes the new value. */
    Evidence with(String key, String value) {
        int at = indexOf(key);
        if (at >= 0) {
            String[] replaced = values.clone();
            replaced[at] = value;
            return new Evidence(keys, replaced);
        }
        String[] moreKeys = Arrays.copyOf(keys, keys.length + 1);
        String[] moreValues = Arrays.copyOf(values, values.length + 1);
        moreKeys[keys.length] = key;
        moreValues[values.length] = value;
        return new Evidence(moreKeys, moreValues);
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String get(Object key) {
        int at = indexOf(key);
        return at < 0 ? null : values[at];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean isEmpty() {
        return keys.length == 0;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
