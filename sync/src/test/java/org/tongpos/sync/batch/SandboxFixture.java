package org.tongpos.sync.batch;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.tongpos.sync.client.BankClient;
import org.tongpos.sync.client.BankConfig;
import org.tongpos.sync.client.BankReply;
import org.tongpos.sync.client.BankRequest;
import org.tongpos.sync.client.RetryPolicy;
import org.tongpos.sync.client.Sleeper;
import org.tongpos.sync.sandbox.SandboxBank;
import org.tongpos.sync.sandbox.SandboxBankConfig;
import org.tongpos.sync.signing.Credentials;
import org.tongpos.sync.wire.ApiPaths;
import org.tongpos.sync.wire.Cursor;

/** The real sandbox bank, in-process on a free loopback port, with its data in a temp directory. */
public final class SandboxFixture implements AutoCloseable {

    public static final String TERMINAL = "T0001";
    public static final String MERCHANT = "M001";
    public static final Credentials KEY = Credentials.ofKey(TERMINAL, key(7));
    /** Quick retries so fault tests take milliseconds, not seconds. */
    public static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(40),
            Duration.ofSeconds(3), 3);

    private final Path dataDir;
    private SandboxBank bank;

    public SandboxFixture(Path dataDir) {
        this.dataDir = dataDir;
        start();
    }

    public void start() {
        bank = SandboxBank.start(new SandboxBankConfig(0, dataDir, Map.of(TERMINAL, KEY.base64Key()), MERCHANT));
    }

    /** Stops the bank and starts it again on the same data (a new port). */
    public void restart() {
        bank.stop();
        start();
    }

    public SandboxBank bank() {
        return bank;
    }

    public BankClient client() {
        return client(KEY, Clock.systemUTC(), Sleeper.real());
    }

    public BankClient client(Credentials credentials, Clock clock, Sleeper sleeper) {
        return client(credentials, clock, sleeper, FAST);
    }

    public BankClient client(Credentials credentials, Clock clock, Sleeper sleeper, RetryPolicy policy) {
        BankConfig config = BankConfig.of(bank.apiBaseUrl(), credentials, MERCHANT)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(20))
                .withRetryPolicy(policy);
        return new BankClient(config, clock, sleeper, RandomGenerator.of("L64X128MixRandom"));
    }

    /** What the bank holds for the terminal, read with a fresh client. */
    public Cursor cursor() {
        try (BankClient client = client()) {
            BankReply reply = client.call(BankRequest.get(ApiPaths.cursor(TERMINAL)));
            if (!(reply instanceof BankReply.Answered answered) || answered.status() != 200) {
                throw new IllegalStateException("cursor not readable: " + reply);
            }
            return client.read(answered, Cursor.class);
        }
    }

    @Override
    public void close() {
        bank.stop();
    }

    public static byte[] key(int seed) {
        byte[] key = new byte[32];
        new Random(seed).nextBytes(key);
        return key;
    }
}
