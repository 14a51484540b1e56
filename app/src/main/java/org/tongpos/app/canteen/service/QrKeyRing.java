package org.tongpos.app.canteen.service;

import java.security.PublicKey;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.canteen.domain.DinerQrVerifier;
import org.tongpos.sync.feed.BankKeyStore;
import org.tongpos.sync.wire.BankKey;

/**
 * The bank's QR signing keys as this terminal last fetched them ({@code GET /v1/keys}, kept by {@link BankKeyStore}):
 * asked on every code, so a key the bank withdrew at the last sync is refused at once; the decoded public keys are
 * kept, so a code costs one small query and the signature check.
 */
public final class QrKeyRing {

    private static final Logger LOG = LoggerFactory.getLogger(QrKeyRing.class);

    private final Supplier<Optional<BankKeyStore>> store;
    private final Map<String, PublicKey> decoded = new ConcurrentHashMap<>();

    /** @param store the bank's key store, or empty when no bank is configured (every code then has an unknown key) */
    public QrKeyRing(Supplier<Optional<BankKeyStore>> store) {
        this.store = store;
    }

    /** The Ed25519 key with this id, if the bank published it. */
    public Optional<PublicKey> key(String keyId) {
        Optional<BankKeyStore> keys = store.get();
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        for (BankKey key : keys.get().keys()) {
            if (key.keyId().equals(keyId) && BankKey.ED25519.equals(key.algorithm())) {
                return Optional.ofNullable(decoded.computeIfAbsent(key.keyId() + "\n" + key.publicKey(),
                        k -> decode(key)));
            }
        }
        return Optional.empty();
    }

    private static PublicKey decode(BankKey key) {
        try {
            return DinerQrVerifier.publicKey(Base64.getDecoder().decode(key.publicKey()));
        } catch (IllegalArgumentException e) {
            LOG.warn("bank key {} is not a usable Ed25519 key: {}", key.keyId(), e.getMessage());
            return null;
        }
    }
}
