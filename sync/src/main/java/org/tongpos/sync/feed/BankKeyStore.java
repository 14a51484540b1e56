package org.tongpos.sync.feed;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.sync.client.BankClient;
import org.tongpos.sync.client.BankProtocolException;
import org.tongpos.sync.client.BankReply;
import org.tongpos.sync.client.BankRequest;
import org.tongpos.sync.client.BankUnavailableException;
import org.tongpos.sync.client.Jdbc;
import org.tongpos.sync.wire.ApiPaths;
import org.tongpos.sync.wire.BankKey;
import org.tongpos.sync.wire.BankKeys;

/** The bank's diner-QR signing keys ({@code GET /v1/keys}), kept locally for offline verification. */
public final class BankKeyStore {

    private static final Logger LOG = LoggerFactory.getLogger(BankKeyStore.class);

    private final BankClient client;
    private final Jdbc jdbc;
    private final Clock clock;

    public BankKeyStore(BankClient client, Jdbc jdbc, Clock clock) {
        this.client = client;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Fetches the keys and replaces the stored set; returns how many there are. */
    public int refresh() {
        BankReply reply = client.call(BankRequest.get(ApiPaths.keys()));
        if (!(reply instanceof BankReply.Answered answered) || answered.status() != 200) {
            throw new BankUnavailableException("bank keys: " + (reply instanceof BankReply.Answered a
                    ? "HTTP " + a.status() : ((BankReply.NoAnswer) reply).reason().name()));
        }
        List<BankKey> keys = client.read(answered, BankKeys.class).keys();
        for (BankKey key : keys) {
            if (key.keyId() == null || !key.keyId().matches("[A-Za-z0-9_-]+") || !BankKey.ED25519.equals(key.algorithm())
                    || decode(key.publicKey()).length != 32) {
                throw new BankProtocolException("the bank sent a malformed key: " + key);
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean changed = !new HashSet<>(keys()).equals(new HashSet<>(keys));
        jdbc.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM bank_key")) {
                delete.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bank_key (key_id, algorithm, public_key, "
                    + "fetched_at) VALUES (?, ?, ?, ?)")) {
                for (BankKey key : keys) {
                    ps.setString(1, key.keyId());
                    ps.setString(2, key.algorithm());
                    ps.setString(3, key.publicKey());
                    ps.setObject(4, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        if (changed) {
            LOG.info("bank keys now: {}", keys.stream().map(BankKey::keyId).toList());
        }
        return keys.size();
    }

    public List<BankKey> keys() {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT key_id, algorithm, public_key FROM bank_key "
                    + "ORDER BY key_id"); ResultSet rs = ps.executeQuery()) {
                List<BankKey> keys = new ArrayList<>();
                while (rs.next()) {
                    keys.add(new BankKey(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
                return keys;
            }
        });
    }

    /** The raw 32-byte Ed25519 public key with this id. */
    public Optional<byte[]> publicKey(String keyId) {
        return keys().stream().filter(k -> k.keyId().equals(keyId)).findFirst().map(k -> decode(k.publicKey()));
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64 == null ? "" : base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
