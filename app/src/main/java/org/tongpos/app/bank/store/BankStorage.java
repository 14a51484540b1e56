package org.tongpos.app.bank.store;

import java.time.Clock;
import javax.sql.DataSource;
import org.tongpos.sync.batch.JournalSource;
import org.tongpos.sync.batch.SyncService;
import org.tongpos.sync.client.BankClient;
import org.tongpos.sync.client.Jdbc;

/**
 * Where the bank feature keeps its state: the sync module's tables in the terminal's own database. The bank's
 * services get their storage from here, so that only stores see the database.
 */
public final class BankStorage {

    private final DataSource dataSource;

    public BankStorage(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Transactions on the terminal's database, as the sync module's stores take them. */
    public Jdbc jdbc() {
        return new Jdbc(dataSource);
    }

    /** The upload of the journal in batches (migrates the sync tables). */
    public SyncService syncService(BankClient client, JournalSource journal, Clock clock) {
        return new SyncService(client, dataSource, journal, clock);
    }

    /** What the journal says about payment codes. */
    public PaymentRecords paymentRecords() {
        return new PaymentRecords(dataSource);
    }
}
