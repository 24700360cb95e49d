package org.fogcompute.api;

import java.util.List;

/** One page of a listing and the number of items that matched in all. */
public record Page<T>(List<T> items, int total, int offset, int limit) {
    public Page {
        items = List.copyOf(items);
    }
}
