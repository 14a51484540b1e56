package org.tongpos.sync.batch;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.tongpos.sync.client.BankClient;
import org.tongpos.sync.client.BankConfig;
import org.tongpos.sync.client.Sleeper;
import org.tongpos.sync.client.TestDatabase;
import org.tongpos.sync.client.TestJournal;

/**
 * A terminal process for the kill -9 test: regenerates the same journal from its seed and uploads it,
 * over and over, until it is killed. Arguments: base URL, database directory, entries, seed.
 */
public final class UploadChild {

    private UploadChild() {
    }

    public static void main(String[] args) {
        String baseUrl = args[0];
        Path dbDir = Path.of(args[1]);
        int entries = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        TestJournal journal = new TestJournal(SandboxFixture.TERMINAL, seed);
        journal.appendRandom(entries);
        BankConfig config = BankConfig.of(baseUrl, SandboxFixture.KEY, SandboxFixture.MERCHANT)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(20))
                .withRetryPolicy(SandboxFixture.FAST);
        BankClient client = new BankClient(config, Clock.systemUTC(), Sleeper.real(), RandomGenerator.getDefault());
        SyncService sync = new SyncService(client, TestDatabase.file(dbDir), journal, Clock.systemUTC(),
                java.util.UUID::randomUUID, 500);
        System.out.println("ready");
        System.out.flush();
        while (true) {
            sync.syncNow();
        }
    }
}
