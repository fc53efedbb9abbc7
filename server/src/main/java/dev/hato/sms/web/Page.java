package dev.hato.sms.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.ToLongFunction;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

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
        // Built from the decoded parameters and encoded again: a raw query string may hold broken
        // percent-encoding that Tomcat skipped, which must not make the link (or the page) fail.
        UriComponentsBuilder link = ServletUriComponentsBuilder.fromCurrentRequestUri();
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("cursor")) {
                link.queryParam(name, (Object[]) values);
            }
        });
        link.queryParam("cursor", Cursor.encode(id.applyAsLong(results.get(limit - 1))));
        String next = link.build().encode().toUriString();
        return new Page<>(List.copyOf(results), next);
    }
}
