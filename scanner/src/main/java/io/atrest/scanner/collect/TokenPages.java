package io.atrest.scanner.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Every page of a listing paged by a next token, for the APIs whose SDK has no paginator
 * (MemoryDB, DAX): asks for the first page, then for each next one until the token runs out.
 */
public final class TokenPages {
    private TokenPages() {}

    /**
     * @param page asks for the page starting at a token (null: the first)
     * @param items the items of a page
     * @param next the token of the page after it (null or empty: none)
     */
    public static <R, T> List<T> all(Function<String, R> page, Function<R, List<T>> items, Function<R, String> next) {
        List<T> all = new ArrayList<>();
        String token = null;
        do {
            R response = page.apply(token);
            all.addAll(items.apply(response));
            token = next.apply(response);
        } while (token != null && !token.isEmpty());
        return all;
    }
}
