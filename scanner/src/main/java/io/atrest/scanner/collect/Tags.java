package io.atrest.scanner.collect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns the many SDK tag types into one map. */
public final class Tags {
    private Tags() {}

    public static <T> Map<String, String> of(List<T> tags, Function<T, String> key, Function<T, String> value) {
        Map<String, String> map = new LinkedHashMap<>();
        if (tags != null) {
            for (T tag : tags) {
                map.put(key.apply(tag), value.apply(tag) == null ? "" : value.apply(tag));
            }
        }
        return map;
    }
}
