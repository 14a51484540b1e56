package org.tongpos.app.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.CashRounding;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.returns.domain.CompletedReturn;
import org.tongpos.app.returns.domain.ReturnException;
import org.tongpos.app.returns.service.ReturnService;
import org.tongpos.app.returns.store.ReturnStore;
import org.tongpos.app.storage.DurableTransaction;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.TenderMethod;

/** Returns at the service: approval by policy, tenders in the sale's order, a code refund sent once however retried. */
class ReturnServiceTest {

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

    private CompletedSale sell(List<Payment.Offer> offers, String... codes) throws Exception {
        Cart cart = new Cart();
        for (String code : codes) {
            terminal.checkout().scan(cart, code);
        }
        return terminal.checkout().pay(cart, offers, cashier);
    }

    @Test
    void aCashierNeedsASupervisorAboveThePolicyAmount() throws Exception {
        CompletedSale sale = sell(List.of(new Payment.Offer(TenderMethod.CASH, Money.parseYuan("10"), "")),
                TerminalFixture.COLA);
        // refund.approval-above is 0 by default: a cashier never refunds alone
        assertThatThrownBy(() -> terminal.returns().refund(cashier, sale.receiptNo(), List.of(), "", Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
        terminal.settings().set(org.tongpos.app.settings.domain.SettingKey.REFUND_APPROVAL_ABOVE, "5");
        terminal.close();
        terminal = Terminal.open(dir, TerminalFixture.FIXED_CLOCK);
        CompletedReturn done = terminal.returns().refund(cashier, sale.receiptNo(), List.of(), "",
                Optional.empty());
        assertThat(done.tenders()).containsExactly(new EntryTender(TenderMethod.CASH, 300, ""));
    }

    @Test
    void aRoundedCashSaleReturnedWholeGivesBackWhatWasPaidNotTheLinesSum() throws Exception {
        terminal.checkout().useCashRounding(CashRounding.DOWN);
        Session supervisor = Session.loggedIn(terminal.operators().operators().find("002").orElseThrow(),
                terminal.clock().instant());
        // the store scale's apple label: ¥6.55, paid ¥6.50 in cash with 抹零 down to the jiao
        CompletedSale sale = sell(List.of(new Payment.Offer(TenderMethod.CASH, Money.parseYuan("10"), "")),
                "2010001006558");
        assertThat(sale.tenders()).extracting(t -> t.amount().fen()).containsExactly(650L);

        CompletedReturn done = terminal.returns().refund(supervisor, sale.receiptNo(), List.of(), "",
                Optional.empty());

        assertThat(done.amountFen()).isEqualTo(650);
        assertThat(done.tenders()).containsExactly(new EntryTender(TenderMethod.CASH, 650, ""));
        assertThatThrownBy(() -> terminal.returns().refund(supervisor, sale.receiptNo(), List.of(), "",
                Optional.empty())).isInstanceOf(ReturnException.class);
    }

    @Test
    void aCodeRefundIsSentWithOneRefundNumberHoweverOftenTheReturnIsRetried() throws Exception {
        CompletedSale sale = sell(List.of(new Payment.Offer(TenderMethod.PAYMENT_CODE, Money.parseYuan("4"), "TRADE1"),
                new Payment.Offer(TenderMethod.CASH, Money.parseYuan("10"), "")), TerminalFixture.COLA,
                TerminalFixture.PEPSI);
        List<String> sent = new ArrayList<>();
        String[] answer = {"PROCESSING"};
        ReturnService.CodeRefunds bank = (outRefundNo, reference, fen, reason) -> {
            sent.add(outRefundNo + "/" + reference + "/" + fen);
            return answer[0];
        };
        ReturnService returns = new ReturnService(new ReturnStore(terminal.database().dataSource()),
                terminal.journal(), terminal.operators().audit(), new DurableTransaction(terminal.database()),
                terminal.clock(), () -> Money.ZERO, () -> Optional.of(bank));
        Session system = terminal.systemSession();
        long before = terminal.journal().lastSeq();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> returns.refund(system, sale.receiptNo(), List.of(), "", Optional.empty()))
                    .isInstanceOfSatisfying(ReturnException.class, e -> assertThat(e.reason())
                            .isEqualTo(ReturnException.Reason.CODE_REFUND_FAILED));
        }
        assertThat(terminal.journal().lastSeq()).isEqualTo(before);
        answer[0] = "SUCCESS";
        CompletedReturn done = returns.refund(system, sale.receiptNo(), List.of(), "", Optional.empty());
        assertThat(sent).hasSize(4).allMatch(s -> s.equals(sent.get(0))).allMatch(s -> s.endsWith("/TRADE1/400"));
        // the code is refunded first, as the sale took it first; the rest is cash
        assertThat(done.tenders()).containsExactly(new EntryTender(TenderMethod.PAYMENT_CODE, 400, "TRADE1"),
                new EntryTender(TenderMethod.CASH, 200, ""));
        assertThat(terminal.journal().read(done.seq(), 1).get(0).originalTxnId()).isEqualTo(sale.txnId());
    }
}
