package org.tongpos.hardware.face;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP Digest authentication (RFC 7616, MD5, qop=auth) as Hikvision and Dahua devices require; the JDK HTTP client
 * only does Basic by itself.
 */
final class DigestAuthenticator {

    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))");

    private final String user;
    private final String password;
    private final SecureRandom random = new SecureRandom();
    private int nonceCount;

    DigestAuthenticator(String user, String password) {
        this.user = user;
        this.password = password;
    }

    /** The Authorization header answering a {@code WWW-Authenticate: Digest ...} challenge. */
    synchronized String authorization(String challenge, String method, String uri) {
        if (!challenge.regionMatches(true, 0, "Digest ", 0, 7)) {
            throw new IllegalArgumentException("not a Digest challenge: " + challenge);
        }
        Map<String, String> params = parse(challenge.substring(7));
        String realm = params.getOrDefault("realm", "");
        String nonce = params.get("nonce");
        if (nonce == null) {
            throw new IllegalArgumentException("Digest challenge without nonce");
        }
        String qop = params.get("qop");
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        StringBuilder header = new StringBuilder("Digest username=\"").append(user)
                .append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce)
                .append("\", uri=\"").append(uri).append('"');
        if (qop != null && qop.contains("auth")) {
            String nc = String.format("%08x", ++nonceCount);
            String cnonce = HexFormat.of().formatHex(random.generateSeed(8));
            String response = md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
            header.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce)
                    .append("\", response=\"").append(response).append('"');
        } else {
            header.append(", response=\"").append(md5(ha1 + ":" + nonce + ":" + ha2)).append('"');
        }
        if (params.containsKey("opaque")) {
            header.append(", opaque=\"").append(params.get("opaque")).append('"');
        }
        return header.append(", algorithm=MD5").toString();
    }

    static Map<String, String> parse(String params) {
        Map<String, String> map = new HashMap<>();
        Matcher m = PARAM.matcher(params);
        while (m.find()) {
            map.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return map;
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 missing from the JDK", e);
        }
    }
}
