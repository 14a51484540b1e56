package org.tongpos.app.suspend;

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
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.suspend.domain.ResumedSale;
import org.tongpos.app.suspend.domain.SuspendedSale;

class SuspendServiceTest {

    @TempDir
    Path dir;

    private Terminal terminal;
    private Session cashier;

    @BeforeEach
    void open() {
        terminal = TerminalFixture.openWithDemoCatalog(dir);
        cashier = Session.loggedIn(terminal.operators().operators().find("001").orElseThrow(),
                terminal.clock().instant());
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    private Cart cart(String... codes) {
        Cart cart = new Cart();
        for (String code : codes) {
            terminal.checkout().scan(cart, code);
        }
        return cart;
    }

    @Test
    void severalSuspendedSalesSurviveARestartAndResumeAtTodaysPrices() {
        terminal.suspended().suspend(cashier, cart(TerminalFixture.COLA, TerminalFixture.COLA));
        terminal.suspended().suspend(cashier, cart(TerminalFixture.PEPSI));
        terminal.close();
        terminal = Terminal.open(dir, TerminalFixture.FIXED_CLOCK);

        List<SuspendedSale> waiting = terminal.suspended().list();
        assertThat(waiting).extracting(SuspendedSale::total)
                .containsExactly(Money.parseYuan("6.00"), Money.parseYuan("3.00"));
        assertThat(waiting.get(0).suspendedAt()).startsWith("2026-11-30T12:05:09");
        assertThat(waiting.get(0).cashier()).isEqualTo("001");

        Product cola = terminal.catalog().byBarcode(TerminalFixture.COLA).orElseThrow();
        terminal.catalog().save(List.of(new Product(cola.id(), cola.barcodes(), cola.plu(), cola.name(),
                cola.category(), cola.unit(), Money.parseYuan("3.50"), cola.cost(), cola.initials())));

        ResumedSale resumed = terminal.suspended().resume(cashier, waiting.get(0).id()).orElseThrow();
        assertThat(resumed.cart().total()).isEqualTo(Money.parseYuan("7.00"));
        assertThat(resumed.changes()).containsExactly(new ResumedSale.PriceChange(cola.name(),
                Money.parseYuan("3.00"), Money.parseYuan("3.50")));
        assertThat(resumed.missing()).isEmpty();
        assertThat(terminal.suspended().list()).hasSize(1);
        assertThat(terminal.suspended().resume(cashier, waiting.get(0).id())).isEmpty();

        ResumedSale pepsi = terminal.suspended().resume(cashier, waiting.get(1).id()).orElseThrow();
        assertThat(pepsi.changes()).isEmpty();
        assertThat(terminal.suspended().list()).isEmpty();
    }
}
