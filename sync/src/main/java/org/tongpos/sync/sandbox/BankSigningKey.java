package org.tongpos.sync.sandbox;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import org.tongpos.sync.journal.EntryHashes;
import org.tongpos.sync.wire.BankKey;

/**
 * The bank's Ed25519 key that signs diner QR codes, made on first start and kept in the database so
 * codes and the published public key survive a restart.
 *
 * @param publicRaw the raw 32-byte public key (the last 32 bytes of its X.509 encoding)
 */
record BankSigningKey(String keyId, PrivateKey privateKey, byte[] publicRaw) {

    private static final int RAW_KEY_BYTES = 32;

    BankKey published() {
        return new BankKey(keyId, BankKey.ED25519, Base64.getEncoder().encodeToString(publicRaw));
    }

    byte[] sign(byte[] payload) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(payload);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of Java 15 and later", e);
        }
    }

    static BankSigningKey loadOrCreate(Connection connection, Clock clock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT key_id, private_pkcs8, public_raw FROM bank_keys ORDER BY created_at LIMIT 1");
             ResultSet rows = select.executeQuery()) {
            if (rows.next()) {
                return new BankSigningKey(rows.getString(1), privateKey(rows.getBytes(2)), rows.getBytes(3));
            }
        }
        KeyPair pair = generate();
        byte[] x509 = pair.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(x509, x509.length - RAW_KEY_BYTES, x509.length);
        String keyId = "sandbox-" + EntryHashes.sha256Hex(raw).substring(0, 12);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO bank_keys (key_id, private_pkcs8, public_raw, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, keyId);
            insert.setBytes(2, pair.getPrivate().getEncoded());
            insert.setBytes(3, raw);
            insert.setString(4, BankTime.now(clock));
            insert.executeUpdate();
        }
        return new BankSigningKey(keyId, pair.getPrivate(), raw);
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of Java 15 and later", e);
        }
    }

    private static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored bank key is unreadable", e);
        }
    }
}
