package org.tongpos.sync.signing;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Supplier;

/** Random lowercase-hex nonces (16 bytes, 32 characters). */
public final class Nonces implements Supplier<String> {

    private static final int BYTES = 16;
    private final SecureRandom random;

    public Nonces() {
        this(new SecureRandom());
    }

    public Nonces(SecureRandom random) {
        this.random = random;
    }

    @Override
    public String get() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
