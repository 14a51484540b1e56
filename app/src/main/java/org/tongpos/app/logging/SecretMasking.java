package org.tongpos.app.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what looks like a secret in a line of text: the log files and the support bundle pass through it. A bank or
 * signing key (32 bytes in Base64, as {@code bank.key} takes it), the value after a name such as {@code password},
 * {@code pin}, {@code key}, {@code secret} or {@code token} ({@code name=value}, {@code name: value}, JSON
 * {@code "name":"value"}), a password in a URL ({@code scheme://user:password@host}) and an {@code Authorization}
 * header's credentials become {@code ********}. The code never logs a secret on purpose; this is the net under it.
 */
public final class SecretMasking {

    public static final String MASK = "********";

    private static final Pattern BASE64_KEY = Pattern.compile("(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{43}=(?![A-Za-z0-9+/=])");
    private static final Pattern NAMED = Pattern.compile(
            "(?i)(\"?[\\w.-]*(?:password|passwd|pin|secret|token|api[-_.]?key|bank[-_.]key|signing[-_.]?key|\\.key)\"?"
                    + "\\s*[=:]\\s*\"?)([^\\s\",;&]+)");
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^:/@\\s]+:)([^@/\\s]+)(@)");
    private static final Pattern AUTHORIZATION = Pattern.compile("(?i)(authorization\\s*[:=]\\s*\\S+\\s+)(\\S+)");

    private SecretMasking() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = replace(NAMED, text, m -> m.group(1) + MASK);
        masked = replace(URL_PASSWORD, masked, m -> m.group(1) + MASK + m.group(3));
        masked = replace(AUTHORIZATION, masked, m -> m.group(1) + MASK);
        return BASE64_KEY.matcher(masked).replaceAll(MASK);
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            String value = m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(value.equals(MASK) ? m.group() : with.apply(m)));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
