package org.tongpos.sync.signing;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.List;

/**
 * The request's {@code Authorization: TONG1-HMAC-SHA256 terminal="…",timestamp="…",nonce="…",signature="…"}.
 * Parameters may come in any order; each must appear exactly once, quoted, and no other parameter is allowed.
 *
 * @param timestamp epoch seconds as the decimal text that was signed
 */
public record AuthorizationHeader(String terminal, String timestamp, String nonce, String signature) {

    public static final String SCHEME = "TONG1-HMAC-SHA256";
    /** In the contract's order, so "missing" messages name the first missing one predictably. */
    private static final List<String> PARAMETERS = List.of("terminal", "timestamp", "nonce", "signature");
    private static final int MAX_VALUE_LENGTH = 256;

    public AuthorizationHeader {
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(signature, "signature");
    }

    /** The header value, parameters in the contract's order. */
    public String format() {
        return SCHEME + " terminal=\"" + terminal + "\",timestamp=\"" + timestamp + "\",nonce=\"" + nonce
                + "\",signature=\"" + signature + "\"";
    }

    /** The timestamp as epoch seconds. */
    public long epochSeconds() {
        return Long.parseLong(timestamp);
    }

    /**
     * Parses a header value.
     *
     * @throws MalformedAuthorizationException with a message saying what is wrong
     */
    public static AuthorizationHeader parse(String value) throws MalformedAuthorizationException {
        if (value == null || value.isBlank()) {
            throw new MalformedAuthorizationException("Authorization header is missing");
        }
        String text = value.strip();
        int space = indexOfWhitespace(text);
        if (space < 0 || !text.substring(0, space).equalsIgnoreCase(SCHEME)) {
            throw new MalformedAuthorizationException("Authorization scheme must be " + SCHEME);
        }
        Map<String, String> params = parseParameters(text.substring(space + 1));
        for (String name : PARAMETERS) {
            if (!params.containsKey(name)) {
                throw new MalformedAuthorizationException("Authorization parameter '" + name + "' is missing");
            }
        }
        String timestamp = params.get("timestamp");
        if (!timestamp.matches("[0-9]{1,18}")) {
            throw new MalformedAuthorizationException("Authorization timestamp must be epoch seconds");
        }
        for (String name : PARAMETERS) {
            if (params.get(name).isEmpty()) {
                throw new MalformedAuthorizationException("Authorization parameter '" + name + "' is empty");
            }
        }
        return new AuthorizationHeader(params.get("terminal"), timestamp, params.get("nonce"),
                params.get("signature"));
    }

    private static Map<String, String> parseParameters(String text) throws MalformedAuthorizationException {
        Map<String, String> params = new HashMap<>();
        int i = 0;
        int n = text.length();
        while (true) {
            i = skipWhitespace(text, i);
            int nameStart = i;
            while (i < n && Character.isLetter(text.charAt(i))) {
                i++;
            }
            String name = text.substring(nameStart, i);
            if (!PARAMETERS.contains(name)) {
                throw new MalformedAuthorizationException("unknown Authorization parameter '" + name + "'");
            }
            i = skipWhitespace(text, i);
            if (i >= n || text.charAt(i) != '=') {
                throw new MalformedAuthorizationException("Authorization parameter '" + name + "' has no '='");
            }
            i = skipWhitespace(text, i + 1);
            if (i >= n || text.charAt(i) != '"') {
                throw new MalformedAuthorizationException("Authorization parameter '" + name + "' is not quoted");
            }
            int close = text.indexOf('"', i + 1);
            if (close < 0) {
                throw new MalformedAuthorizationException("Authorization parameter '" + name + "' is not closed");
            }
            String paramValue = text.substring(i + 1, close);
            if (paramValue.length() > MAX_VALUE_LENGTH || !paramValue.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new MalformedAuthorizationException(
                        "Authorization parameter '" + name + "' must be printable ASCII without spaces");
            }
            if (params.put(name, paramValue) != null) {
                throw new MalformedAuthorizationException("Authorization parameter '" + name + "' is repeated");
            }
            i = skipWhitespace(text, close + 1);
            if (i >= n) {
                return params;
            }
            if (text.charAt(i) != ',') {
                throw new MalformedAuthorizationException("Authorization parameters must be separated by ','");
            }
            i++;
        }
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int skipWhitespace(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
