package org.tongpos.app.operators.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The audit log's hash chain: each record's {@code entry_hash} is SHA-256 over the previous record's hash and the
 * record's canonical content, so that changing, removing or reordering any record breaks every hash after it.
 *
 * <p>Canonical content, version 1: the line {@code tongpos-audit-1}, the previous hash, then every field in a fixed
 * order, each as its UTF-8 byte length, a colon and the bytes, ended by a newline (no escaping needed, no two
 * contents alike). An absent amount is the empty string.
 */
public final class AuditHashes {

    /** The {@code prev_hash} of the first record. */
    public static final String GENESIS = sha256("tongpos-audit-genesis");

    private AuditHashes() {
    }

    public static String hash(AuditRecord r) {
        StringBuilder text = new StringBuilder(256).append("tongpos-audit-1\n").append(r.prevHash()).append('\n');
        field(text, Long.toString(r.seq()));
        field(text, r.occurredAt());
        field(text, r.source());
        field(text, r.actor());
        field(text, r.actorRole());
        field(text, r.approver());
        field(text, r.action().name());
        field(text, r.subject());
        field(text, r.detail());
        field(text, r.amountFen().isPresent() ? Long.toString(r.amountFen().getAsLong()) : "");
        return sha256(text.toString());
    }

    private static void field(StringBuilder text, String value) {
        text.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append('\n');
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
