package io.atrest.scanner.inventory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.function.Function;

/**
 * One collected fact: either what AWS answered, or the error that kept us from knowing it.
 *
 * <p>A known value may be null where AWS says "not configured" (no bucket policy, no tags):
 * that is a fact, not a gap. Only {@link #error()} marks a gap, and checks turn a gap into
 * NOT_EVALUATED, never into PASS.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Observed<T>(T value, CollectionError error) {

    public static <T> Observed<T> of(T value) {
        return new Observed<>(value, null);
    }

    public static <T> Observed<T> absent() {
        return new Observed<>(null, null);
    }

    public static <T> Observed<T> failed(CollectionError error) {
        if (error == null) {
            throw new IllegalArgumentException("a failed observation needs its error");
        }
        return new Observed<>(null, error);
    }

    @JsonIgnore
    public boolean isKnown() {
        return error == null;
    }

    @JsonIgnore
    public boolean isPresent() {
        return error == null && value != null;
    }

    /** A known absent value becomes {@code fallback}; present values and gaps stay as they are. */
    public Observed<T> orElseIfAbsent(T fallback) {
        return isKnown() && value == null ? of(fallback) : this;
    }

    /** Maps a known value; a gap stays the same gap. */
    public <R> Observed<R> map(Function<? super T, ? extends R> mapper) {
        return isKnown() ? new Observed<>(value == null ? null : mapper.apply(value), null) : failed(error);
    }
}
