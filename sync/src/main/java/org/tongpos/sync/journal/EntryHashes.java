package org.tongpos.sync.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The Settlement API's hash chain: entry hashes and the genesis hash of a terminal. */
public final class EntryHashes {

    private EntryHashes() {
    }

    /** {@code hex(SHA-256("TONG1|" + terminal_id))}, the {@code prev_hash} of a terminal's first entry. */
    public static String genesis(String terminalId) {
        return sha256Hex("TONG1|" + terminalId);
    }

    static String entryHash(long seq, String txnId, EntryKind kind, String occurredAt, String businessDate,
                            long amountFen, List<EntryTender> tenders, String originalTxnId, String prevHash) {
        StringBuilder text = new StringBuilder(256)
                .append(seq).append('|')
                .append(txnId).append('|')
                .append(kind.name()).append('|')
                .append(occurredAt).append('|')
                .append(businessDate).append('|')
                .append(amountFen).append('|');
        for (int i = 0; i < tenders.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(tenders.get(i).hashForm());
        }
        text.append('|').append(originalTxnId).append('|').append(prevHash);
        return sha256Hex(text.toString());
    }

    /** Lowercase hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Lowercase hex SHA-256 of {@code bytes}. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
