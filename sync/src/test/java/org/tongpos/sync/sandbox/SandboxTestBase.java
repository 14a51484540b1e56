package org.tongpos.sync.sandbox;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.sync.signing.Credentials;
import org.tongpos.testkit.MutableClock;

/** A fresh sandbox bank per test on a free port, with terminals T0001 and T0002 and a hand-moved clock. */
abstract class SandboxTestBase {

    static final String KEY_1 = TestTerminal.newKey((byte) 1);
    static final String KEY_2 = TestTerminal.newKey((byte) 2);

    @TempDir
    Path dataDir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T04:05:09Z"));
    SandboxBank bank;
    TestTerminal t1;
    TestTerminal t2;

    @BeforeEach
    void startBank() {
        startBankOn(0);
    }

    void startBankOn(int port) {
        bank = SandboxBank.start(new SandboxBankConfig(port, dataDir, Map.of("T0001", KEY_1, "T0002", KEY_2), "M001"),
                clock);
        t1 = new TestTerminal(bank.origin(), Credentials.fromBase64("T0001", KEY_1), clock);
        t2 = new TestTerminal(bank.origin(), Credentials.fromBase64("T0002", KEY_2), clock);
    }

    void restartBank() {
        int port = bank.port();
        bank.stop();
        startBankOn(port);
    }

    @AfterEach
    void stopBank() {
        if (bank != null) {
            bank.stop();
        }
    }
}
