package org.tongpos.app.bank.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.bank.service.BankTestSupport;
import org.tongpos.app.ui.DirectTaskRunner;
import org.tongpos.app.ui.Notice;
import org.tongpos.sync.batch.BatchState;
import org.tongpos.sync.batch.RoundOutcome;
import org.tongpos.sync.batch.SealedBatch;
import org.tongpos.sync.batch.SyncStatus;
import org.tongpos.sync.journal.TenderMethod;

class BankIndicatorViewModelTest {

    @TempDir
    Path dir;

    @Test
    void offlineWhenNotConfiguredAndPendingCountFromTheStoredStatus() throws Exception {
        try (Terminal terminal = Terminal.open(dir)) {
            BankIndicatorViewModel offline = new BankIndicatorViewModel(terminal.bank(), new DirectTaskRunner(), "F9");
            assertThat(offline.state().get()).isEqualTo(BankIndicatorViewModel.State.OFFLINE);
            assertThat(offline.text().get()).isEqualTo(Notice.info("bank.indicator.offline"));
            terminal.catalog().save(terminal.demoCatalog().products(50));
            BankTestSupport.configure(terminal, "http://127.0.0.1:" + BankTestSupport.closedPort() + "/v1",
                    BankTestSupport.newKey());
            BankTestSupport.sell(terminal, TenderMethod.CASH, 1, "");
            BankTestSupport.sell(terminal, TenderMethod.CASH, 1, "");
        }
        try (Terminal terminal = Terminal.open(dir)) {
            BankIndicatorViewModel vm = new BankIndicatorViewModel(terminal.bank(), new DirectTaskRunner(), "F9");
            vm.refresh();
            assertThat(vm.state().get()).isEqualTo(BankIndicatorViewModel.State.PENDING);
            assertThat(vm.text().get()).isEqualTo(Notice.info("bank.indicator.pending", 2L));
        }
    }

    @Test
    void unreachableUpToDateAndErrorFollowTheLastRound() throws Exception {
        try (Terminal terminal = Terminal.open(dir)) {
            BankTestSupport.configure(terminal, "http://127.0.0.1:1/v1", BankTestSupport.newKey());
        }
        try (Terminal terminal = Terminal.open(dir)) {
            BankIndicatorViewModel vm = new BankIndicatorViewModel(terminal.bank(), new DirectTaskRunner(), "F9");
            vm.show(status(Optional.of(RoundOutcome.BANK_UNREACHABLE), 3, false, List.of()));
            assertThat(vm.state().get()).isEqualTo(BankIndicatorViewModel.State.UNREACHABLE);
            assertThat(vm.text().get()).isEqualTo(Notice.error("bank.indicator.unreachable", 3L));
            vm.show(status(Optional.of(RoundOutcome.UP_TO_DATE), 0, false, List.of()));
            assertThat(vm.state().get()).isEqualTo(BankIndicatorViewModel.State.UP_TO_DATE);
            vm.show(status(Optional.of(RoundOutcome.AUTH_PROBLEM), 3, true, List.of()));
            assertThat(vm.state().get()).isEqualTo(BankIndicatorViewModel.State.ERROR);
            assertThat(vm.text().get()).as("names the sync screen's key").isEqualTo(
                    Notice.error("bank.indicator.error", "F9"));
            vm.useKeyLabel("F10");
            assertThat(vm.text().get()).as("a new key shows at once").isEqualTo(
                    Notice.error("bank.indicator.error", "F10"));
            SealedBatch quarantined = new SealedBatch(UUID.randomUUID(), 1, 3, 3, 900, 0, BatchState.QUARANTINED,
                    "CHAIN_BROKEN", 1, null);
            vm.show(status(Optional.of(RoundOutcome.BLOCKED_BY_QUARANTINE), 3, false, List.of(quarantined)));
            assertThat(vm.state().get()).isEqualTo(BankIndicatorViewModel.State.ERROR);
        }
    }

    @Test
    void alertsOnceWhenTheBankGoesOutOfReachComesBackOrQuarantinesABatch() throws Exception {
        try (Terminal terminal = Terminal.open(dir)) {
            BankIndicatorViewModel vm = new BankIndicatorViewModel(terminal.bank(), new DirectTaskRunner(), "F9");
            List<Notice> alerts = new java.util.ArrayList<>();
            vm.addAlertListener(alerts::add);

            vm.show(status(Optional.of(RoundOutcome.BANK_UNREACHABLE), 3, false, List.of()));
            vm.show(status(Optional.of(RoundOutcome.BANK_UNREACHABLE), 4, false, List.of()));
            assertThat(alerts).as("once, not on every round").containsExactly(
                    Notice.error("bank.alert.unreachable", 3L));

            vm.show(status(Optional.of(RoundOutcome.UP_TO_DATE), 1, false, List.of()));
            assertThat(alerts).last().isEqualTo(Notice.info("bank.alert.reachable"));

            SealedBatch quarantined = new SealedBatch(UUID.randomUUID(), 4, 6, 3, 900, 0, BatchState.QUARANTINED,
                    "CHAIN_BROKEN", 1, null);
            vm.show(status(Optional.of(RoundOutcome.BLOCKED_BY_QUARANTINE), 3, false, List.of(quarantined)));
            vm.show(status(Optional.of(RoundOutcome.BLOCKED_BY_QUARANTINE), 3, false, List.of(quarantined)));
            assertThat(alerts).hasSize(3).last().isEqualTo(Notice.error("bank.alert.quarantined", 4L, 6L, "F9"));
        }
    }

    private static SyncStatus status(Optional<RoundOutcome> outcome, long pending, boolean auth,
                                     List<SealedBatch> quarantined) {
        return new SyncStatus(outcome, 10, 10 - pending, pending, Optional.empty(), Optional.empty(), auth,
                quarantined);
    }
}
