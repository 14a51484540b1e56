package org.tongpos.app.suspend.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.checkout.ui.CashierViewModel;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.ui.DirectTaskRunner;
import org.tongpos.app.ui.Notice;

/** 挂单 / 取单 decisions, without JavaFX, against the till's own ViewModel and the terminal's suspended sales. */
class SuspendViewModelTest {

    @TempDir
    Path directory;
    private Terminal terminal;
    private CashierViewModel till;
    private SuspendViewModel vm;

    @BeforeEach
    void open() {
        terminal = TerminalFixture.openWithDemoCatalog(directory);
        Session session = TestSessions.demo(terminal, Role.CASHIER);
        DirectTaskRunner tasks = new DirectTaskRunner();
        till = TerminalFixture.cashierViewModel(terminal, tasks, () -> session);
        vm = new SuspendViewModel(terminal.suspended(), till, tasks, () -> session);
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    @Test
    void nothingToSuspendIsSaid() {
        vm.suspend();
        assertThat(till.notice().get()).isEqualTo(Notice.error("suspend.nothing"));
        assertThat(terminal.suspended().list()).isEmpty();
    }

    @Test
    void suspendEmptiesTheTillAndResumeBringsTheSaleBackAtTodaysPrices() {
        till.scanned(TerminalFixture.COLA);
        till.scanned(TerminalFixture.PEPSI);
        vm.suspend();
        assertThat(till.lines()).isEmpty();
        assertThat(till.notice().get()).isEqualTo(Notice.info("suspend.done", 1L, 2, "6.00"));

        Product pepsi = terminal.catalog().byBarcode(TerminalFixture.PEPSI).orElseThrow();
        terminal.catalog().save(List.of(new Product(pepsi.id(), pepsi.barcodes(), pepsi.plu(), pepsi.name(),
                pepsi.category(), pepsi.unit(), Money.parseYuan("3.50"), pepsi.cost(), pepsi.initials())));
        terminal.catalog().saved();

        till.scanned(TerminalFixture.COLA);
        vm.openList();
        assertThat(vm.listing().get()).as("a sale in progress: no resume").isFalse();
        assertThat(till.notice().get()).isEqualTo(Notice.error("suspend.tillBusy"));
        vm.suspend();

        vm.openList();
        assertThat(vm.listing().get()).isTrue();
        assertThat(vm.sales()).hasSize(2);
        assertThat(vm.selected().get()).isZero();
        vm.resume();

        assertThat(vm.listing().get()).isFalse();
        assertThat(till.lines()).hasSize(2);
        assertThat(till.total().get()).isEqualTo(Money.parseYuan("6.50"));
        assertThat(till.notice().get()).isEqualTo(Notice.error("suspend.resumedChanged", 1L, 2, "6.50",
                "百事可乐 330ml 3.00→3.50", new Notice.Key("suspend.noChange")));
        assertThat(terminal.suspended().list()).hasSize(1);
    }

    @Test
    void escapeOnTheListResumesNothing() {
        till.scanned(TerminalFixture.COLA);
        vm.suspend();
        vm.openList();

        vm.close();

        assertThat(till.lines()).isEmpty();
        assertThat(terminal.suspended().list()).hasSize(1);
    }
}
