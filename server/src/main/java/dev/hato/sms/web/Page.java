package dev.hato.sms.web;

import java.util.List;
import java.util.function.ToLongFunction;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One page of a keyset-paginated list: {@code next} is the URL of the following page (the same
 * query with an opaque cursor), or null on the last page. No count and no offset, so every page
 * costs the same however long the list is.
 */
public record Page<T>(List<T> results, String next) {

    /** Builds the page from up to {@code limit + 1} rows: the extra row only says there is more. */
    public static <T> Page<T> of(List<T> rows, int limit, ToLongFunction<T> id) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> results = rows.subList(0, limit);
        String next = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("cursor", Cursor.encode(id.applyAsLong(results.get(limit - 1))))
                .build(true) // the query string arrives encoded; the cursor is URL-safe already
                .toUriString();
        return new Page<>(List.copyOf(results), next);
    }
}
