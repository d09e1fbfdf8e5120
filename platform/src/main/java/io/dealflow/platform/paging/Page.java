package io.dealflow.platform.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a listing, as every list endpoint answers it: page numbers start at 0, {@code total} counts all. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    /** A page of nothing: the caller may see none of what it asked for. */
    public static <T> Page<T> empty(int page, int size) {
        return new Page<>(List.of(), page, size, 0);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }
}
