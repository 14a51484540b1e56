package org.tongpos.app.backup.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a backup says about itself ({@code manifest.properties} in the backup's zip, UTF-8, {@code key=value}): the
 * program and schema that made it, the terminal, the journal's head, how far the journal had been handed to the bank,
 * and the SHA-256 and size of each part. See docs/operations.md.
 */
public record BackupManifest(String format, String programVersion, String schemaVersion, String terminalId,
                             String storeName, Instant createdAt, long headSeq, String headHash, long sentThrough,
                             long bankHeld, int logBytes, String databaseSha256, long databaseBytes,
                             String logSha256) {

    public static final String FORMAT = "tongpos-backup-1";
    public static final String ENTRY = "manifest.properties";
    public static final String DATABASE_ENTRY = "database.sql";
    public static final String LOG_ENTRY = "sales.wal";

    public byte[] toBytes() {
        StringBuilder out = new StringBuilder();
        fields().forEach((key, value) -> out.append(key).append('=').append(value.replace("\n", " ")).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("format", format);
        fields.put("program.version", programVersion);
        fields.put("schema.version", schemaVersion);
        fields.put("terminal.id", terminalId);
        fields.put("store.name", storeName);
        fields.put("created.at", createdAt.toString());
        fields.put("journal.head.seq", Long.toString(headSeq));
        fields.put("journal.head.hash", headHash);
        fields.put("bank.sent-through.seq", Long.toString(sentThrough));
        fields.put("bank.held.seq", Long.toString(bankHeld));
        fields.put("sales.wal.bytes", Integer.toString(logBytes));
        fields.put("sales.wal.sha256", logSha256);
        fields.put("database.sql.bytes", Long.toString(databaseBytes));
        fields.put("database.sql.sha256", databaseSha256);
        return fields;
    }

    /** Reads a manifest; {@link IllegalArgumentException} names what is missing or malformed. */
    public static BackupManifest read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        if (!FORMAT.equals(fields.get("format"))) {
            throw new IllegalArgumentException("format " + fields.get("format") + " is not " + FORMAT);
        }
        try {
            return new BackupManifest(FORMAT, need(fields, "program.version"), need(fields, "schema.version"),
                    need(fields, "terminal.id"), fields.getOrDefault("store.name", ""),
                    Instant.parse(need(fields, "created.at")), Long.parseLong(need(fields, "journal.head.seq")),
                    need(fields, "journal.head.hash"), Long.parseLong(need(fields, "bank.sent-through.seq")),
                    Long.parseLong(need(fields, "bank.held.seq")), Integer.parseInt(need(fields, "sales.wal.bytes")),
                    need(fields, "database.sql.sha256"), Long.parseLong(need(fields, "database.sql.bytes")),
                    need(fields, "sales.wal.sha256"));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("malformed manifest: " + e.getMessage(), e);
        }
    }

    private static String need(Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the manifest has no " + key);
        }
        if (key.equals("schema.version") && !value.matches("\\d+([._]\\d+)*")) {
            throw new IllegalArgumentException("malformed schema.version " + value);
        }
        return value;
    }
}
