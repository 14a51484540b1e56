package org.tongpos.app.checkout.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.domain.ProductUnit;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.checkout.domain.SellingStoppedException;
import org.tongpos.app.checkout.domain.Tender;
import org.tongpos.app.journal.store.JournalStore;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.storage.Database;
import org.tongpos.app.storage.FaultyChannel;
import org.tongpos.app.storage.StorageException;
import org.tongpos.app.storage.WriteAheadLog;
import org.tongpos.sync.journal.JournalEntry;

/**
 * Issue 7, item 2: H2's commit fails after the sale is in the write-ahead log (a disk that filled up). Commits are
 * made to fail by a wrapper around the terminal's real data source; then the terminal is opened again, as after a
 * crash, and its journal must hold exactly what the cashier was told.
 */
class SaleStoreCommitFailureTest {

    private static final Product COLA = new Product(1, List.of("6920000000012"), "", "可口可乐 330ml", "饮料",
            ProductUnit.PIECE, Money.ofFen(300), Optional.empty(), "kkkl");

    @TempDir
    Path data;

    private String terminalId;
    private Database database;
    private FaultyChannel channel;
    private WriteAheadLog log;
    private FailingCommits commits;
    private SaleStore store;

    @BeforeEach
    void openTerminalWithFailingCommits() {
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(data, 1)) {
            terminalId = terminal.journal().terminalId();
        }
        database = Database.open(data);
        channel = new FaultyChannel();
        log = channel.openLog(data.resolve("sales.wal"));
        commits = new FailingCommits(database.dataSource());
        store = new SaleStore(commits.dataSource(), new JournalStore(database.dataSource(), terminalId), log, 1000);
    }

    private SaleStore.Draft sale(String txnId) {
        return new SaleStore.Draft(txnId, "2026-11-30T12:05:09+08:00", "2026-11-30", "1",
                List.of(CartLine.pieces(COLA, 1), CartLine.pieces(COLA, 2)), 900,
                List.of(Tender.cash(Money.ofFen(900), Money.ofFen(1000))), 100);
    }

    @Test
    void aSaleWhoseCommitAndRetryFailedIsCancelledInTheLogAndNeverComesBack() throws Exception {
        store.record(sale("sale-1"), terminalId);
        commits.failing = true;
        assertThatThrownBy(() -> store.record(sale("told-not-saved"), terminalId))
                .isInstanceOf(StorageException.class).hasMessageContaining("cancelled");
        assertThat(commits.failedCommits).as("the commit and its retry").isEqualTo(2);
        assertThat(store.stopped()).as("the sale failed cleanly: selling goes on").isEmpty();
        commits.failing = false;
        assertThat(store.record(sale("sale-2"), terminalId).seq()).as("the failed sale's seq is free").isEqualTo(2);

        crashLosingEveryCommitH2HadNotForced();

        assertThat(journalAfterRestart()).containsExactly("sale-1", "sale-2");
    }

    @Test
    void whenTheCancelCannotBeWrittenTheSaleCountsSellingStopsAndResumesOnceTheDatabaseCatchesUp() throws Exception {
        store.record(sale("sale-1"), terminalId);
        commits.failing = true;
        commits.onFailure = () -> channel.failWritingAfter(0);
        JournalEntry counted = store.record(sale("told-saved"), terminalId);
        assertThat(counted.seq()).isEqualTo(2);
        assertThat(store.stopped()).hasValueSatisfying(stop -> {
            assertThat(stop.state()).isEqualTo(SellingStoppedException.State.BEHIND);
            assertThat(stop.receiptNo()).isEqualTo(SaleStore.receiptNumber(terminalId, 2));
        });
        commits.onFailure = () -> { };
        assertThatThrownBy(() -> store.record(sale("refused"), terminalId))
                .isInstanceOfSatisfying(SellingStoppedException.class,
                        e -> assertThat(e.state()).isEqualTo(SellingStoppedException.State.BEHIND));

        commits.failing = false;
        assertThat(store.record(sale("sale-3"), terminalId).seq())
                .as("the database caught up with the counted sale first").isEqualTo(3);
        assertThat(store.stopped()).isEmpty();

        crashLosingEveryCommitH2HadNotForced();

        assertThat(journalAfterRestart()).containsExactly("sale-1", "told-saved", "sale-3");
    }

    @Test
    void aSaleThatCountsButNeverReachedTheDatabaseIsInTheJournalAfterACrash() throws Exception {
        store.record(sale("sale-1"), terminalId);
        commits.failing = true;
        commits.onFailure = () -> channel.failWritingAfter(0);
        store.record(sale("told-saved"), terminalId);
        assertThat(store.stopped()).isPresent();

        crashLosingEveryCommitH2HadNotForced();

        assertThat(journalAfterRestart()).containsExactly("sale-1", "told-saved");
    }

    @Test
    void whenNotEvenTheLogCanSayWhetherTheSaleCountsSellingStopsUntilARestartDecides() throws Exception {
        store.record(sale("sale-1"), terminalId);
        commits.failing = true;
        commits.onFailure = () -> {
            channel.failForces();
            channel.failTruncates();
        };
        assertThatThrownBy(() -> store.record(sale("unknown"), terminalId))
                .isInstanceOfSatisfying(SellingStoppedException.class,
                        e -> assertThat(e.state()).isEqualTo(SellingStoppedException.State.UNKNOWN));
        commits.failing = false;
        assertThatThrownBy(() -> store.record(sale("refused"), terminalId))
                .isInstanceOf(SellingStoppedException.class);

        crashLosingEveryCommitH2HadNotForced();

        // the cancel marker reached the file (only its fsync was refused): the restart decides "not counted", and
        // says so every time
        assertThat(journalAfterRestart()).containsExactly("sale-1");
        assertThat(journalAfterRestart()).containsExactly("sale-1");
    }

    @Test
    void replayFinishesASaleOfWhichTheDatabaseKeptOnlySomeRowsAndDropsRowsOfSalesNeverConfirmed() throws Exception {
        store.record(sale("sale-1"), terminalId);
        store.record(sale("sale-2"), terminalId);
        // What H2's recovery was seen to leave after a kill -9 in the middle of a sale's transaction: lines of a
        // sale without its journal entry (the replay then failed on sale_line's primary key), and lines of a sale
        // that never reached the log at all.
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.execute("SET REFERENTIAL_INTEGRITY FALSE");
            s.executeUpdate("DELETE FROM sale_tender WHERE txn_id = 'sale-2'");
            s.executeUpdate("DELETE FROM sale WHERE txn_id = 'sale-2'");
            s.executeUpdate("DELETE FROM journal WHERE txn_id = 'sale-2'");
            s.executeUpdate("DELETE FROM sale_tender WHERE txn_id = 'sale-1'");
            s.executeUpdate("INSERT INTO sale_line (txn_id, line_no, product_id, barcode, name, unit, weighed, "
                    + "quantity, unit_price_fen, amount_fen) VALUES ('never-confirmed', 1, 1, '1', 'x', 'pc', FALSE, "
                    + "1, 100, 100)");
            s.execute("SET REFERENTIAL_INTEGRITY TRUE");
        }
        log.close();
        database.close();

        assertThat(journalAfterRestart()).containsExactly("sale-1", "sale-2");
        try (Database reopened = Database.open(data); Connection c = reopened.connection();
             Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM sale")).isEqualTo(2);
            assertThat(count(s, "SELECT COUNT(*) FROM sale_line")).isEqualTo(4);
            assertThat(count(s, "SELECT COUNT(*) FROM sale_tender")).isEqualTo(2);
            assertThat(count(s, "SELECT COUNT(*) FROM sale_line WHERE txn_id = 'never-confirmed'")).isZero();
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * As if the power went before H2 wrote its commits: the database loses every sale since the last checkpoint,
     * the fsynced log keeps what it holds. The store is not closed (a clean close would checkpoint).
     */
    private void crashLosingEveryCommitH2HadNotForced() throws SQLException {
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM sale_tender");
            s.executeUpdate("DELETE FROM sale_line");
            s.executeUpdate("DELETE FROM sale");
            s.executeUpdate("DELETE FROM journal");
        }
        log.close();
        database.close();
    }

    private List<String> journalAfterRestart() {
        try (Terminal terminal = Terminal.open(data, TerminalFixture.FIXED_CLOCK)) {
            assertThat(terminal.journalVerifier().verify().ok()).isTrue();
            return terminal.journal().read(1, 100).stream().map(JournalEntry::txnId).toList();
        }
    }

    /** The terminal's data source, with connections whose commit fails while {@link #failing} is set. */
    private static final class FailingCommits {
        private final DataSource target;
        volatile boolean failing;
        volatile Runnable onFailure = () -> { };
        int failedCommits;

        FailingCommits(DataSource target) {
            this.target = target;
        }

        DataSource dataSource() {
            return proxy(DataSource.class, (proxy, method, args) -> {
                Object result = invoke(target, method, args);
                return result instanceof Connection connection ? failing(connection) : result;
            });
        }

        private Connection failing(Connection connection) {
            return proxy(Connection.class, (proxy, method, args) -> {
                if (failing && method.getName().equals("commit")) {
                    failedCommits++;
                    onFailure.run();
                    throw new SQLException("injected: commit failed (no space left on device)");
                }
                return invoke(connection, method, args);
            });
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
                throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private static <T> T proxy(Class<T> type, InvocationHandler handler) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
        }
    }
}
