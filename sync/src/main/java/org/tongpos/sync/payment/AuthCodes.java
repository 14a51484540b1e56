package org.tongpos.sync.payment;

/** Payment auth codes: 1-32 ASCII digits; shown and logged only masked. */
public final class AuthCodes {

    private AuthCodes() {
    }

    public static boolean isValid(String authCode) {
        return authCode != null && authCode.matches("[0-9]{1,32}");
    }

    /** {@code 134567******1234} style: at most the first 4 and last 4 digits stay visible, never more than half. */
    public static String mask(String authCode) {
        if (authCode == null || authCode.isEmpty()) {
            return "";
        }
        int visible = Math.min(4, authCode.length() / 4);
        return authCode.substring(0, visible) + "*".repeat(authCode.length() - 2 * visible)
                + authCode.substring(authCode.length() - visible);
    }
}
