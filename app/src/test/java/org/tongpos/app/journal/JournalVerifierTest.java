package org.tongpos.app.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.journal.service.JournalVerifier;
import org.tongpos.app.money.domain.Money;
import org.tongpos.sync.journal.TenderMethod;

class JournalVerifierTest {

    @TempDir
    Path dir;
    Terminal terminal;

    @BeforeEach
    void fiveSales() throws Exception {
        terminal = TerminalFixture.openWithDemoCatalog(dir, 50);
        for (int i = 0; i < 5; i++) {
            Cart cart = new Cart();
            terminal.checkout().scan(cart, TerminalFixture.COLA);
            terminal.checkout().pay(cart, List.of(new Payment.Offer(TenderMethod.CASH, Money.ofFen(1000), "")), TestSessions.cashier("1"));
        }
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    private void sql(String statement) throws Exception {
        try (Connection c = terminal.database().connection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    @Test
    void anIntactChainVerifies() {
        JournalVerifier.Result result = terminal.journalVerifier().verify();
        assertThat(result.ok()).isTrue();
        assertThat(result.verifiedEntries()).isEqualTo(5);
    }

    @Test
    void aChangedAmountIsFoundAtItsSeq() throws Exception {
        sql("UPDATE journal SET amount_fen = 301, tenders = 'CASH:301:' WHERE seq = 3");
        JournalVerifier.Result result = terminal.journalVerifier().verify();
        assertThat(result.firstBadSeq()).hasValue(3);
        assertThat(result.verifiedEntries()).isEqualTo(2);
    }

    @Test
    void aDeletedEntryIsFoundAsAGap() throws Exception {
        sql("DELETE FROM sale_tender WHERE txn_id = (SELECT txn_id FROM journal WHERE seq = 4)");
        sql("DELETE FROM sale_line WHERE txn_id = (SELECT txn_id FROM journal WHERE seq = 4)");
        sql("DELETE FROM sale WHERE txn_id = (SELECT txn_id FROM journal WHERE seq = 4)");
        sql("DELETE FROM journal WHERE seq = 4");
        JournalVerifier.Result result = terminal.journalVerifier().verify();
        assertThat(result.firstBadSeq()).hasValue(4);
        assertThat(result.problem()).map(p -> p.text(Messages.of(Messages.CHINESE)))
                .hasValue("缺少第 4 条（下一条是第 5 条）。");
        assertThat(result.problem()).map(p -> p.text(Messages.forSetting("en")))
                .hasValue("seq 4 is missing (the next entry is seq 5).");
    }

    @Test
    void anIntactChainHasNoProblem() {
        assertThat(terminal.journalVerifier().verify().problem()).isEmpty();
    }

    @Test
    void aRowThatCannotBeReadIsReportedNotThrown() throws Exception {
        sql("UPDATE journal SET tenders = 'CASH:-5:' WHERE seq = 2");
        JournalVerifier.Result result = terminal.journalVerifier().verify();
        assertThat(result.firstBadSeq()).hasValue(2);
        assertThat(result.problem()).map(p -> p.text(Messages.of(Messages.CHINESE)))
                .hasValue("该条记录无法读取（有字段超出取值范围），详情见日志。");
    }
}
