package org.tongpos.app.checkout.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.domain.ProductUnit;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.checkout.domain.Tender;
import org.tongpos.app.journal.store.JournalStore;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.storage.Database;
import org.tongpos.app.storage.FaultyChannel;
import org.tongpos.app.storage.StorageException;
import org.tongpos.app.storage.WriteAheadLog;
import org.tongpos.sync.journal.JournalEntry;

class SaleStoreTest {

    private static final String TERMINAL = "T1";
    private static final Product COLA = new Product(1, List.of("6920000000012"), "", "可口可乐 330ml", "饮料",
            ProductUnit.PIECE, Money.ofFen(300), Optional.empty(), "kkkl");

    @TempDir
    Path dir;

    private static SaleStore.Draft colaSale(String txnId) {
        return new SaleStore.Draft(txnId, "2026-11-30T12:05:09+08:00", "2026-11-30", "1",
                List.of(CartLine.pieces(COLA, 1)), 300, List.of(Tender.cash(Money.ofFen(300), Money.ofFen(500))),
                200);
    }

    @Test
    void aSaleWhoseLogFsyncFailedIsNotRestoredAndTheSaleAfterItIs() throws Exception {
        Path data = dir.resolve("data");
        Path logFile = data.resolve("sales.wal");
        byte[] logOnDisk;
        try (Database database = Database.open(data)) {
            FaultyChannel channel = new FaultyChannel();
            try (SaleStore store = new SaleStore(database, new JournalStore(database.dataSource(), TERMINAL),
                    channel.openLog(logFile))) {
                store.record(colaSale("sale-1"), TERMINAL);
                channel.failNextForce();
                assertThatThrownBy(() -> store.record(colaSale("sale-failed"), TERMINAL))
                        .isInstanceOf(StorageException.class);
                assertThat(store.record(colaSale("sale-2"), TERMINAL).seq()).isEqualTo(2);
                logOnDisk = Files.readAllBytes(logFile);
                // As if the power went before H2 wrote its commits: the database loses them, the log keeps them.
                try (Connection c = database.connection(); Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM sale_tender");
                    s.executeUpdate("DELETE FROM sale_line");
                    s.executeUpdate("DELETE FROM sale");
                    s.executeUpdate("DELETE FROM journal");
                }
            }
        }
        Files.write(logFile, logOnDisk);
        try (Database database = Database.open(data)) {
            JournalStore journal = new JournalStore(database.dataSource(), TERMINAL);
            new SaleStore(database, journal, WriteAheadLog.open(logFile)).close();
            assertThat(journal.read(1, 10)).extracting(JournalEntry::txnId).containsExactly("sale-1", "sale-2");
        }
    }

    @Test
    void aCheckpointThatFailsAfterTheCommitStillConfirmsTheSaleAndNothingIsDoubledOnReplay() throws Exception {
        Path data = dir.resolve("data");
        Path logFile = data.resolve("sales.wal");
        try (Database database = Database.open(data)) {
            FaultyChannel channel = new FaultyChannel();
            JournalStore journal = new JournalStore(database.dataSource(), TERMINAL);
            try (SaleStore store = new SaleStore(database, journal, channel.openLog(logFile), 2)) {
                store.record(colaSale("sale-1"), TERMINAL);
                channel.failTruncates();
                assertThat(store.record(colaSale("sale-2"), TERMINAL).seq())
                        .as("the checkpoint after this sale fails, the sale is recorded all the same").isEqualTo(2);
                assertThat(store.record(colaSale("sale-3"), TERMINAL).seq()).isEqualTo(3);
            }
        }
        try (Database database = Database.open(data)) {
            JournalStore journal = new JournalStore(database.dataSource(), TERMINAL);
            new SaleStore(database, journal, WriteAheadLog.open(logFile)).close();
            assertThat(journal.read(1, 10)).extracting(JournalEntry::txnId)
                    .containsExactly("sale-1", "sale-2", "sale-3");
        }
    }
}
