package org.fogcompute.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** One page of a listing and the number of items that matched in all. */
public record Page<T>(List<T> items, int total, int offset, int limit) {
    public Page {
        items = List.copyOf(items);
    }

    /** The page of {@code all} items matching {@code filter} that starts at {@code offset}, with the match count. */
    public static <T> Page<T> of(Iterable<T> all, Predicate<? super T> filter, int offset, int limit) {
        List<T> page = new ArrayList<>(Math.min(limit, 256));
        int matched = 0;
        for (T item : all) {
            if (filter.test(item)) {
                if (matched >= offset && page.size() < limit) {
                    page.add(item);
                }
                matched++;
            }
        }
        return new Page<>(page, matched, offset, limit);
    }
}
