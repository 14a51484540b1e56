package org.tongpos.sync.sandbox;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An authenticated API request: who sent it (its terminal) and its exact bytes.
 *
 * @param rawQuery the query as sent, or {@code null} when there was none
 */
record RequestContext(String method, String path, String rawQuery, byte[] body, Headers headers,
                      String terminalId, String requestNonce) {

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.getFirst(name));
    }

    /** The first value of a query parameter, percent-decoded. */
    Optional<String> queryParameter(String name) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (decode(key).equals(name)) {
                return Optional.of(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return Optional.empty();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.param("query is not valid percent-encoding");
        }
    }
}
