package org.tongpos.app.checkout.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.money.domain.Money;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;

/** Sales that reached the write-ahead log but not H2's file are restored, identically, when the terminal opens. */
class SaleRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void aLoggedSaleTheDatabaseLostComesBackWithTheSameSeqAndHash() throws Exception {
        Path live = dir.resolve("live");
        TerminalFixture.openWithDemoCatalog(live, 50).close();
        byte[] logAfterSale;
        CompletedSale sale;
        JournalEntry original;
        try (Terminal terminal = Terminal.open(live, TerminalFixture.FIXED_CLOCK)) {
            Cart cart = new Cart();
            terminal.checkout().scan(cart, TerminalFixture.COLA);
            sale = terminal.checkout().pay(cart, List.of(new Payment.Offer(TenderMethod.CASH, Money.ofFen(500), "")),
                    TestSessions.cashier("1"));
            logAfterSale = Files.readAllBytes(live.resolve("sales.wal"));
            original = terminal.journal().read(1, 1).get(0);
            // Simulate the database losing the commit: remove the rows, keep the log as it was on disk.
            try (Connection c = terminal.database().connection(); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM sale_tender");
                s.executeUpdate("DELETE FROM sale_line");
                s.executeUpdate("DELETE FROM sale");
                s.executeUpdate("DELETE FROM journal");
            }
        }
        assertThat(logAfterSale).isNotEmpty();
        Files.write(live.resolve("sales.wal"), logAfterSale);
        try (Terminal terminal = Terminal.open(live, TerminalFixture.FIXED_CLOCK)) {
            List<JournalEntry> entries = terminal.journal().read(1, 10);
            assertThat(entries).containsExactly(original);
            assertThat(entries.get(0).txnId()).isEqualTo(sale.txnId());
            assertThat(terminal.journalVerifier().verify().ok()).isTrue();
            try (Connection c = terminal.database().connection(); Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT COUNT(*), MAX(total_fen) FROM sale")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
                assertThat(rs.getLong(2)).isEqualTo(300);
            }
        }
        assertThat(Files.size(live.resolve("sales.wal"))).as("emptied once the database holds it").isZero();
    }
}
