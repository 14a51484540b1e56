package org.tongpos.app.checkout.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.bank.service.BankServices;
import org.tongpos.app.bank.service.BankTestSupport;
import org.tongpos.app.catalog.service.DemoCatalog;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.checkout.domain.PaymentException;
import org.tongpos.app.checkout.domain.Tender;
import org.tongpos.app.money.domain.Money;
import org.tongpos.sync.client.Jdbc;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.sync.payment.PaymentCodeService;
import org.tongpos.sync.payment.PaymentIntent;
import org.tongpos.sync.payment.PaymentState;
import org.tongpos.sync.sandbox.SandboxBank;
import org.tongpos.sync.sandbox.SandboxBankConfig;
import org.tongpos.testkit.MutableClock;

/**
 * Payment codes through the till's service against the real sandbox bank: the sale is journaled with the bank's
 * trade number only after SUCCESS; refused, never confirmed, cancelled and crashed payments journal nothing and
 * leave no money taken. Waiting runs on a {@link MutableClock} that the poll's sleep advances.
 */
class CodePaymentsTest {

    /** WeChat-shaped demo codes; the last four digits choose the sandbox's answer (see DemoPaymentRules). */
    private static final String PAYS = "134567890123450000";
    private static final String PAYS_AFTER_TWO_QUERIES = "134567890123456002";
    private static final String NEVER_CONFIRMED = "134567890123458000";
    private static final String NO_BALANCE = "134567890123459002";

    @TempDir
    Path dir;
    @TempDir
    Path bankDir;
    private final String key = BankTestSupport.newKey();
    private final MutableClock clock = MutableClock.at("2026-12-05T02:00:00Z");
    private SandboxBank bank;
    private Terminal terminal;
    private PaymentCodeService payments;

    @BeforeEach
    void open() {
        bank = SandboxBank.start(new SandboxBankConfig(0, bankDir, Map.of(BankTestSupport.TERMINAL, key),
                BankTestSupport.MERCHANT));
        terminal = Terminal.open(dir);
        terminal.catalog().save(terminal.demoCatalog().products(50));
        BankTestSupport.configure(terminal, bank.apiBaseUrl(), key);
        BankServices services = terminal.bank().services().orElseThrow();
        payments = new PaymentCodeService(services.client(), new Jdbc(terminal.database().dataSource()), clock,
                clock::sleep);
    }

    @AfterEach
    void close() {
        terminal.close();
        bank.close();
    }

    private CodePayments till() {
        return new CodePayments(terminal.checkout(), () -> Optional.of(payments));
    }

    private Cart colas(int count) {
        Cart cart = new Cart();
        cart.addPieces(terminal.catalog().byBarcode(DemoCatalog.stapleBarcode(0)).orElseThrow(), count);
        return cart;
    }

    @Test
    void aConfirmedCodeIsJournaledWithTheBanksTradeNumber() throws Exception {
        Cart cart = colas(2);
        long before = terminal.journal().lastSeq();
        CodePayments.Outcome outcome = till().pay(cart, List.of(), cart.total(), PAYS, terminal.systemSession(),
                PaymentCodeService.Progress.NONE);

        CodePayments.Outcome.Paid paid = paidOf(outcome);
        Tender tender = paid.sale().tenders().get(0);
        assertThat(tender.method()).isEqualTo(TenderMethod.PAYMENT_CODE);
        assertThat(tender.amount()).isEqualTo(cart.total());
        PaymentIntent intent = payments.confirmedIntents().get(0);
        assertThat(tender.reference()).isEqualTo(intent.tradeNo()).isNotEmpty();
        assertThat(terminal.journal().lastSeq()).isEqualTo(before + 1).isEqualTo(paid.sale().seq());
        assertThat(terminal.journal().read(paid.sale().seq(), 1).get(0).tenders().get(0).reference())
                .isEqualTo(intent.tradeNo());
    }

    @Test
    void whileTheCustomerConfirmsTheTillIsToldTheSecondsLeftThenTheSaleIsJournaled() throws Exception {
        Cart cart = colas(1);
        List<Duration> told = new ArrayList<>();
        CodePayments.Outcome outcome = till().pay(cart, List.of(), cart.total(), PAYS_AFTER_TWO_QUERIES,
                terminal.systemSession(), left -> told.add(left));

        assertThat(paidOf(outcome).sale().tenders()).extracting(Tender::method).containsExactly(TenderMethod.PAYMENT_CODE);
        assertThat(told).hasSize(2);
        assertThat(told.get(0)).isEqualTo(PaymentCodeService.MAX_WAIT);
        assertThat(told.get(1)).isEqualTo(PaymentCodeService.MAX_WAIT.minus(PaymentCodeService.POLL_INTERVAL));
    }

    @Test
    void aCodeNeverConfirmedIsReversedAndNothingIsJournaled() throws Exception {
        Cart cart = colas(1);
        long before = terminal.journal().lastSeq();
        CodePayments.Outcome outcome = till().pay(cart, List.of(), cart.total(), NEVER_CONFIRMED,
                terminal.systemSession(), PaymentCodeService.Progress.NONE);

        assertThat(outcome).isEqualTo(new CodePayments.Outcome.NotConfirmed(false, true));
        assertThat(terminal.journal().lastSeq()).isEqualTo(before);
        assertThat(payments.confirmedIntents()).isEmpty();
    }

    @Test
    void escWhileWaitingReversesThePayment() throws Exception {
        Cart cart = colas(1);
        long before = terminal.journal().lastSeq();
        int[] calls = {0};
        CodePayments.Outcome outcome = till().pay(cart, List.of(), cart.total(), NEVER_CONFIRMED,
                terminal.systemSession(), left -> ++calls[0] < 2);

        assertThat(outcome).isEqualTo(new CodePayments.Outcome.NotConfirmed(true, true));
        assertThat(calls[0]).isEqualTo(2);
        assertThat(terminal.journal().lastSeq()).isEqualTo(before);
    }

    @Test
    void aRefusedCodeSaysTheBanksReasonAndJournalsNothing() throws Exception {
        Cart cart = colas(1);
        long before = terminal.journal().lastSeq();
        CodePayments.Outcome outcome = till().pay(cart, List.of(), cart.total(), NO_BALANCE,
                terminal.systemSession(), PaymentCodeService.Progress.NONE);

        assertThat(outcome).isEqualTo(new CodePayments.Outcome.Refused("NOT_ENOUGH_BALANCE"));
        assertThat(terminal.journal().lastSeq()).isEqualTo(before);
    }

    @Test
    void partByCodeAndTheRestInCashWithChangeFromCash() throws Exception {
        Cart cart = colas(3);
        Money code = Money.ofFen(500);
        Money rest = cart.total().minus(code);
        CodePayments.Outcome outcome = till().pay(cart,
                List.of(new Payment.Offer(TenderMethod.CASH, rest.plus(Money.ofFen(100)), "")), code, PAYS,
                terminal.systemSession(), PaymentCodeService.Progress.NONE);

        List<Tender> tenders = paidOf(outcome).sale().tenders();
        assertThat(tenders).extracting(Tender::method).containsExactly(TenderMethod.PAYMENT_CODE, TenderMethod.CASH);
        assertThat(tenders.get(0).amount()).isEqualTo(code);
        assertThat(tenders.get(1).amount()).isEqualTo(rest);
        assertThat(paidOf(outcome).sale().change()).isEqualTo(Money.ofFen(100));
    }

    @Test
    void aCodeForMoreThanIsDueIsRefusedBeforeTheBankIsAsked() {
        Cart cart = colas(1);
        assertThatThrownBy(() -> till().pay(cart, List.of(), cart.total().plus(Money.ofFen(1)), PAYS,
                terminal.systemSession(), PaymentCodeService.Progress.NONE))
                .isInstanceOf(PaymentException.class);
        assertThat(payments.confirmedIntents()).isEmpty();
    }

    @Test
    void withTheBankDownNothingIsJournaledAndTheReversalIsLeftForTheStartUpCheck() throws Exception {
        bank.close();
        Cart cart = colas(1);
        long before = terminal.journal().lastSeq();
        CodePayments.Outcome outcome = till().pay(cart, List.of(), cart.total(), PAYS, terminal.systemSession(),
                PaymentCodeService.Progress.NONE);

        assertThat(outcome).isEqualTo(new CodePayments.Outcome.NotConfirmed(false, false));
        assertThat(terminal.journal().lastSeq()).isEqualTo(before);
        assertThat(new org.tongpos.sync.payment.PaymentStore(new Jdbc(terminal.database().dataSource()), clock)
                .openIntents()).extracting(PaymentIntent::state).containsExactly(PaymentState.REVERSING);
    }

    @Test
    void aCrashWhileWaitingLeavesNoUnknownPaymentAfterTheStartUpCheck() throws Exception {
        Cart cart = colas(1);
        long before = terminal.journal().lastSeq();
        assertThatThrownBy(() -> till().pay(cart, List.of(), cart.total(), NEVER_CONFIRMED, terminal.systemSession(),
                left -> {
                    throw new IllegalStateException("the till died here");
                })).hasMessageContaining("died");

        terminal.bank().resolveOpenIntents().orElseThrow();
        assertThat(terminal.journal().lastSeq()).isEqualTo(before);
        assertThat(payments.confirmedIntents()).isEmpty();
        assertThat(new org.tongpos.sync.payment.PaymentStore(new Jdbc(terminal.database().dataSource()), clock)
                .openIntents()).isEmpty();
    }

    @Test
    void aCodeConfirmedButNotJournaledBeforeACrashIsReversedOnStart() {
        String outTradeNo = PaymentCodeService.newOutTradeNo();
        PaymentIntent paid = payments.pay(outTradeNo, PAYS, 300, "sale lost in a crash");
        assertThat(paid.state()).isEqualTo(PaymentState.SUCCESS);

        terminal.bank().resolveOpenIntents().orElseThrow();
        assertThat(payments.intent(outTradeNo).orElseThrow().state()).isEqualTo(PaymentState.REVERSED);
    }

    @Test
    void offlineTheTillIsToldAtOnceThatCodesNeedTheBank() throws Exception {
        Cart cart = colas(1);
        CodePayments offline = new CodePayments(terminal.checkout(), Optional::empty);
        assertThat(offline.available()).isFalse();
        assertThat(offline.pay(cart, List.of(), cart.total(), PAYS, terminal.systemSession(),
                PaymentCodeService.Progress.NONE)).isEqualTo(new CodePayments.Outcome.Offline());
    }

    private static CodePayments.Outcome.Paid paidOf(CodePayments.Outcome outcome) {
        assertThat(outcome).isInstanceOf(CodePayments.Outcome.Paid.class);
        return (CodePayments.Outcome.Paid) outcome;
    }
}
