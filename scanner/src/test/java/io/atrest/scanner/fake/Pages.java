package io.atrest.scanner.fake;

import java.util.List;

/** One page of a fake listing: its items and the token of the next page (null on the last). */
public record Pages<T>(List<T> items, String next) {

    /** The page that starts at {@code token} (null: the first), {@code size} items long. */
    public static <T> Pages<T> of(List<T> all, String token, int size) {
        int from = token == null || token.isEmpty() ? 0 : Integer.parseInt(token);
        int to = Math.min(all.size(), from + Math.max(1, size));
        return new Pages<>(List.copyOf(all.subList(Math.min(from, all.size()), to)), to < all.size() ? Integer.toString(to) : null);
    }
}
