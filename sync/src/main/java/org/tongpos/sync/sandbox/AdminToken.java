package org.tongpos.sync.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret the sandbox's admin controls ({@code /sandbox/…}) require, so that another process on the machine
 * cannot mint diner QR codes, inject faults or change accounts: given ({@code --admin-token}) or 32 random bytes
 * made at start-up, written to {@code DATA/admin-token} (readable by its owner only) and sent as
 * {@code Authorization: Bearer TOKEN}.
 */
final class AdminToken {

    /** The file in the data directory that holds the token of the running bank. */
    static final String FILE_NAME = "admin-token";
    private static final String BEARER = "Bearer ";

    private final String token;

    private AdminToken(String token) {
        this.token = token;
    }

    /** The configured token, or a new random one when {@code configured} is empty. */
    static AdminToken of(String configured) {
        if (!configured.isEmpty()) {
            return new AdminToken(configured);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new AdminToken(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }

    String value() {
        return token;
    }

    /** Writes the token to {@code DATA/admin-token} (owner read/write only where the file system has owners). */
    Path writeTo(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        Path temporary = dataDir.resolve(FILE_NAME + ".tmp");
        Files.deleteIfExists(temporary);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temporary);
            temporary.toFile().setReadable(false, false);
            temporary.toFile().setReadable(true, true);
        }
        Files.writeString(temporary, token + "\n", StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /** True when {@code authorization} (the header's value, may be null) is {@code Bearer TOKEN}. */
    boolean admits(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] given = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AdminToken[***]";
    }
}
