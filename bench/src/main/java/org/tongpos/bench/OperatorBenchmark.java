package org.tongpos.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditEntry;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.LoginResult;
import org.tongpos.app.operators.service.PinHasher;

/**
 * What operators cost at the till: hashing a PIN (PBKDF2-HMAC-SHA256, 210,000 iterations; every log-in, unlock and
 * approval checks one), a whole log-in (PIN check plus the durable audit record), and one durable audit record alone
 * (committed and forced to disk). Sample-time mode, so the report carries p50/p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class OperatorBenchmark {

    private BenchStore store;
    private final PinHasher hasher = new PinHasher();
    private Session system;
    private final char[] pin = "1111".toCharArray();

    @Setup
    public void setUp() throws Exception {
        store = new BenchStore(0);
        store.terminal.operators().setup().installDemoOperators(store.terminal.systemSession());
        system = store.terminal.systemSession();
    }

    @TearDown
    public void tearDown() throws Exception {
        store.close();
    }

    @Benchmark
    public String hashPin() {
        return hasher.hash(pin);
    }

    @Benchmark
    public LoginResult logIn() {
        return store.terminal.operators().login().logIn("001", pin.clone());
    }

    @Benchmark
    public AuditRecord durableAuditRecord() {
        return store.terminal.operators().audit().record(AuditEntry.by(system, AuditAction.SETTING_CHANGED)
                .subject("bench").detail("x"));
    }
}
