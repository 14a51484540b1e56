package org.tongpos.app.bank.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.bank.service.BankTestSupport;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.ui.DirectTaskRunner;
import org.tongpos.app.ui.Notice;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.sync.reconcile.DayClose;
import org.tongpos.sync.reconcile.DifferenceCategory;
import org.tongpos.sync.sandbox.SandboxBank;
import org.tongpos.sync.sandbox.SandboxBankConfig;
import org.tongpos.sync.sandbox.StatementRowStatus;
import org.tongpos.sync.wire.SettlementStatus;

/** The sync screen's decisions without JavaFX: a real terminal database and a real sandbox bank. */
class SyncScreenViewModelTest {

    @TempDir
    Path dir;
    @TempDir
    Path bankDir;
    private final String key = BankTestSupport.newKey();
    private SandboxBank bank;
    private Terminal terminal;

    @BeforeEach
    void open() throws InterruptedException {
        BankTestSupport.awayFromBusinessMidnight();
        bank = SandboxBank.start(new SandboxBankConfig(0, bankDir, Map.of(BankTestSupport.TERMINAL, key),
                BankTestSupport.MERCHANT));
        try (Terminal setup = Terminal.open(dir)) {
            setup.catalog().save(setup.demoCatalog().products(50));
            BankTestSupport.configure(setup, bank.apiBaseUrl(), key);
        }
        terminal = Terminal.open(dir);
    }

    @AfterEach
    void close() {
        terminal.close();
        bank.close();
    }

    private SyncScreenViewModel viewModel() {
        return new SyncScreenViewModel(terminal.bank(), new DirectTaskRunner(), terminal.clock());
    }

    @Test
    void refreshShowsPendingEntriesAndSyncNowUploadsThem() throws Exception {
        BankTestSupport.sell(terminal, TenderMethod.CASH, 1, "");
        BankTestSupport.sell(terminal, TenderMethod.BANK_CARD, 2, "CARD0001");
        SyncScreenViewModel vm = viewModel();
        vm.refresh();
        assertThat(vm.status().get().pendingEntries()).isEqualTo(2);
        assertThat(vm.status().get().lastContact()).isEmpty();

        vm.syncNow();
        assertThat(vm.status().get().pendingEntries()).isZero();
        assertThat(vm.status().get().bankHeldSeq()).isEqualTo(2);
        assertThat(vm.status().get().lastContact()).isPresent();
        assertThat(vm.notice().get()).isEqualTo(Notice.info("bank.screen.synced", 2L));
        assertThat(vm.busy().get()).isFalse();
    }

    @Test
    void closeDayReconcileThenAPlantedReversalShowsADifferenceThatCanBeInvestigatedAndExported() throws Exception {
        CompletedSale card = BankTestSupport.sell(terminal, TenderMethod.BANK_CARD, 2, "CARD0001");
        BankTestSupport.sell(terminal, TenderMethod.CASH, 1, "");
        SyncScreenViewModel vm = viewModel();
        vm.date().set(card.businessDate());

        vm.closeDay();
        assertThat(vm.dayClose().get().outcome()).isEqualTo(DayClose.Outcome.SETTLED);
        assertThat(vm.dayClose().get().status()).contains(SettlementStatus.IN_BALANCE);
        assertThat(vm.notice().get().key()).isEqualTo("bank.screen.inBalance");
        vm.reconcile();
        assertThat(vm.report().get().allMatched()).isTrue();
        assertThat(vm.differences()).isEmpty();
        assertThat(vm.notice().get()).isEqualTo(Notice.info("bank.screen.allMatched", 1L));

        bank.markStatementRow(BankTestSupport.TERMINAL, card.txnId(), TenderMethod.BANK_CARD,
                StatementRowStatus.REVERSED, 0);
        vm.closeDay();
        vm.reconcile();
        assertThat(vm.notice().get()).isEqualTo(Notice.error("bank.screen.differences", 1L));
        assertThat(vm.report().get().count(DifferenceCategory.REVERSED_BY_BANK)).isEqualTo(1);
        assertThat(vm.differences()).singleElement().satisfies(d -> {
            assertThat(d.category()).isEqualTo(DifferenceCategory.REVERSED_BY_BANK);
            assertThat(d.txnId()).isEqualTo(card.txnId());
        });

        vm.markInvestigated();
        assertThat(vm.notice().get().key()).isEqualTo("bank.screen.chooseDifference");
        vm.selected().set(vm.differences().get(0));
        vm.note().set("   ");
        vm.markInvestigated();
        assertThat(vm.notice().get().key()).isEqualTo("bank.screen.noteNeeded");
        vm.note().set("card payment reversed by the bank; customer paid cash");
        vm.markInvestigated();
        assertThat(vm.differences().get(0).investigated()).isTrue();
        assertThat(vm.differences().get(0).note()).isEqualTo("card payment reversed by the bank; customer paid cash");
        assertThat(vm.note().get()).isEmpty();

        Path csv = dir.resolve("diff.csv");
        vm.exportCsv(csv);
        assertThat(vm.notice().get()).isEqualTo(Notice.info("bank.screen.exported", csv.toString()));
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).contains("REVERSED_BY_BANK," + card.txnId(),
                "customer paid cash");

        SyncScreenViewModel reopened = viewModel();
        reopened.date().set(card.businessDate());
        reopened.refresh();
        assertThat(reopened.report().get().differenceCount()).isEqualTo(1);
        assertThat(reopened.differences().get(0).investigated()).isTrue();
        assertThat(reopened.dayClose().get().status()).contains(SettlementStatus.IN_BALANCE);
    }

    @Test
    void aQuarantinedBatchIsListedAndReleasingItSendsItAgainUnchanged() throws Exception {
        Path clone = dir.resolve("clone");
        try (Terminal setup = Terminal.open(clone)) {
            setup.catalog().save(setup.demoCatalog().products(50));
            BankTestSupport.configure(setup, bank.apiBaseUrl(), key);
        }
        try (Terminal other = Terminal.open(clone)) {
            BankTestSupport.sell(other, TenderMethod.CASH, 1, "");
            assertThat(other.bank().services().orElseThrow().sync().syncNow().upToDate()).isTrue();
        }
        BankTestSupport.sell(terminal, TenderMethod.CASH, 2, "");
        SyncScreenViewModel vm = viewModel();
        vm.syncNow();
        assertThat(vm.notice().get().key()).isEqualTo("bank.screen.notSynced");
        assertThat(vm.quarantined()).singleElement().satisfies(batch -> {
            assertThat(batch.firstSeq()).isEqualTo(1);
            assertThat(batch.reason()).isNotBlank();
        });

        vm.release(vm.quarantined().get(0));
        assertThat(vm.notice().get()).isEqualTo(Notice.info("bank.screen.released", 1L, 1L));
        assertThat(vm.quarantined()).as("the cause is not fixed: the bank still holds another seq 1").hasSize(1);
        assertThat(vm.status().get().upToDate()).isFalse();
    }

    @Test
    void reconcilingADayNotClosedSaysToCloseItFirst() {
        SyncScreenViewModel vm = viewModel();
        vm.date().set(vm.date().get().minusDays(3));
        vm.reconcile();
        assertThat(vm.notice().get()).isEqualTo(Notice.error("bank.screen.notReady", vm.date().get().toString()));
        vm.exportCsv(dir.resolve("none.csv"));
        assertThat(vm.notice().get().key()).isEqualTo("bank.screen.nothingToExport");
        vm.release(null);
        assertThat(vm.notice().get().key()).isEqualTo("bank.screen.chooseBatch");
    }

    @Test
    void anOfflineTerminalSaysSoAndDoesNothing() throws Exception {
        Path offlineDir = dir.resolve("offline");
        try (Terminal offline = Terminal.open(offlineDir)) {
            SyncScreenViewModel vm = new SyncScreenViewModel(offline.bank(), new DirectTaskRunner(),
                    Clock.systemUTC());
            assertThat(vm.isOffline()).isTrue();
            assertThat(vm.notice().get().key()).isEqualTo("bank.screen.offline");
            vm.syncNow();
            assertThat(vm.status().get()).isNull();
        }
    }
}
