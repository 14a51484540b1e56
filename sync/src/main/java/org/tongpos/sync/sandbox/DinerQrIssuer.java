package org.tongpos.sync.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Issues diner QR codes as the bank's app shows them: {@code TQ1.{payload}.{signature}}, both base64url
 * without padding; payload is UTF-8 {@code key_id|diner_id|account_id|issued_at|nonce} and the signature
 * is Ed25519 over the payload bytes.
 */
final class DinerQrIssuer {

    static final String PREFIX = "TQ1.";
    private final BankSigningKey key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    DinerQrIssuer(BankSigningKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    String issue(String dinerId, String accountId) {
        if (dinerId.contains("|") || accountId.contains("|")) {
            throw new IllegalArgumentException("diner and account ids must not contain '|'");
        }
        byte[] nonce = new byte[8];
        random.nextBytes(nonce);
        String payload = key.keyId() + "|" + dinerId + "|" + accountId + "|" + clock.instant().getEpochSecond() + "|"
                + HexFormat.of().formatHex(nonce);
        byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        return PREFIX + base64url.encodeToString(payloadBytes) + "." + base64url.encodeToString(key.sign(payloadBytes));
    }
}
