package org.tongpos.sync.signing;

import org.tongpos.sync.journal.EntryHashes;

/** The exact texts the contract signs. Every line, the last one included, ends with {@code \n}. */
public final class StringsToSign {

    private StringsToSign() {
    }

    /** {@code METHOD\nPATH_AND_QUERY\ntimestamp\nnonce\nhex(sha256(body))\n}. */
    public static String request(String method, String pathAndQuery, String timestamp, String nonce, byte[] body) {
        return method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + bodyHash(body) + "\n";
    }

    /** {@code STATUS\nTong-Timestamp\nTong-Nonce\nREQUEST_NONCE\nhex(sha256(body))\n}. */
    public static String response(int status, String timestamp, String nonce, String requestNonce, byte[] body) {
        return status + "\n" + timestamp + "\n" + nonce + "\n" + requestNonce + "\n" + bodyHash(body) + "\n";
    }

    /** Lowercase hex SHA-256 of the body; a missing body hashes as empty. */
    public static String bodyHash(byte[] body) {
        return EntryHashes.sha256Hex(body == null ? new byte[0] : body);
    }
}
