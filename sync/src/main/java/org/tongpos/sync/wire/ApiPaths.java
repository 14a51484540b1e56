package org.tongpos.sync.wire;

/**
 * The request targets of the Settlement API, starting at {@code /v1} (the part that is signed as
 * {@code PATH_AND_QUERY}). Identifiers are used as given: they are ASCII without '/', '?' or '%'.
 */
public final class ApiPaths {

    public static final String PREFIX = "/v1";

    private ApiPaths() {
    }

    public static String batches(String terminalId) {
        return PREFIX + "/terminals/" + segment(terminalId) + "/batches";
    }

    public static String batch(String terminalId, String batchId) {
        return batches(terminalId) + "/" + segment(batchId);
    }

    public static String cursor(String terminalId) {
        return PREFIX + "/terminals/" + segment(terminalId) + "/cursor";
    }

    public static String settlements(String terminalId) {
        return PREFIX + "/terminals/" + segment(terminalId) + "/settlements";
    }

    public static String statement(String terminalId, String businessDate) {
        return PREFIX + "/terminals/" + segment(terminalId) + "/statements/" + segment(businessDate);
    }

    public static String payments() {
        return PREFIX + "/payments";
    }

    public static String payment(String outTradeNo) {
        return payments() + "/" + segment(outTradeNo);
    }

    public static String reverse(String outTradeNo) {
        return payment(outTradeNo) + "/reverse";
    }

    public static String refunds() {
        return PREFIX + "/refunds";
    }

    /** @param after the cursor to continue from, or {@code null} to start at the beginning */
    public static String accountChanges(String merchantId, String after, int limit) {
        String path = PREFIX + "/merchants/" + segment(merchantId) + "/accounts/changes?";
        if (after != null) {
            path += "after=" + segment(after) + "&";
        }
        return path + "limit=" + limit;
    }

    public static String keys() {
        return PREFIX + "/keys";
    }

    private static String segment(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("path segment must not be empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '/' || c == '?' || c == '%' || c == '#' || c == '&') {
                throw new IllegalArgumentException("path segment has a character that would need escaping: "
                        + value);
            }
        }
        return value;
    }
}
