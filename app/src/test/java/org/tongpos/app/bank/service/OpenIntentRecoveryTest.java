package org.tongpos.app.bank.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.sync.client.Jdbc;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.sync.payment.PaymentCodeService;
import org.tongpos.sync.payment.PaymentIntent;
import org.tongpos.sync.payment.PaymentState;
import org.tongpos.sync.payment.PaymentStore;
import org.tongpos.sync.sandbox.SandboxBank;
import org.tongpos.sync.sandbox.SandboxBankConfig;

/**
 * A terminal that stopped with payment intents behind (a crash mid-payment, or a code paid but never used by a sale)
 * resolves them with the bank when it starts: nothing unknown is left, and money no sale used goes back.
 */
class OpenIntentRecoveryTest {

    /** Demo code the sandbox answers SUCCESS (WeChat prefix, last digits 0000). */
    private static final String PAYS = "134567890123450000";

    @TempDir
    Path dir;
    @TempDir
    Path bankDir;
    private final String key = BankTestSupport.newKey();
    private SandboxBank bank;

    @BeforeEach
    void startBank() {
        bank = SandboxBank.start(new SandboxBankConfig(0, bankDir, Map.of(BankTestSupport.TERMINAL, key),
                BankTestSupport.MERCHANT));
        try (Terminal terminal = Terminal.open(dir)) {
            terminal.catalog().save(terminal.demoCatalog().products(50));
            BankTestSupport.configure(terminal, bank.apiBaseUrl(), key);
        }
    }

    @AfterEach
    void stopBank() {
        bank.close();
    }

    @Test
    void openAndUnusedPaymentsAreReversedOnStartAndAJournaledOneIsKept() throws Exception {
        String crashed = PaymentCodeService.newOutTradeNo();
        String unused = PaymentCodeService.newOutTradeNo();
        String used = PaymentCodeService.newOutTradeNo();
        try (Terminal terminal = Terminal.open(dir)) {
            BankServices services = terminal.bank().services().orElseThrow();
            // The process died after writing the intent and sending the charge, before any answer was stored.
            PaymentStore store = new PaymentStore(new Jdbc(terminal.database().dataSource()), Clock.systemUTC());
            store.create(crashed, 300, "demo", "1345**********0000");
            store.update(crashed, PaymentState.PAYING);
            assertThat(services.payments().pay(unused, PAYS, 600, "demo").state()).isEqualTo(PaymentState.SUCCESS);
            PaymentIntent paid = services.payments().pay(used, PAYS, 300, "demo");
            assertThat(paid.state()).isEqualTo(PaymentState.SUCCESS);
            BankTestSupport.sell(terminal, TenderMethod.PAYMENT_CODE, 1, paid.tradeNo());
        }

        try (Terminal terminal = Terminal.open(dir)) {
            terminal.bank().startBackground();
            BankServices services = terminal.bank().services().orElseThrow();
            await(() -> state(services, crashed) == PaymentState.REVERSED && state(services, unused) == PaymentState.REVERSED);
            assertThat(state(services, used)).isEqualTo(PaymentState.SUCCESS);
            assertThat(services.payments().intent(unused).orElseThrow().tradeNo()).isNotEmpty();
        }
    }

    @Test
    void resolvingOnDemandReportsWhatItDid() throws Exception {
        String crashed = PaymentCodeService.newOutTradeNo();
        try (Terminal terminal = Terminal.open(dir)) {
            PaymentStore store = new PaymentStore(new Jdbc(terminal.database().dataSource()), Clock.systemUTC());
            terminal.bank().services().orElseThrow();
            store.create(crashed, 300, "demo", "1345**********0000");
            OpenIntentResolver.Outcome outcome = terminal.bank().resolveOpenIntents().orElseThrow();
            assertThat(outcome.resolved()).extracting(PaymentIntent::outTradeNo).containsExactly(crashed);
            assertThat(outcome.resolved().get(0).state()).isEqualTo(PaymentState.REVERSED);
            assertThat(outcome.reversedUnused()).isEmpty();
            assertThat(terminal.bank().resolveOpenIntents().orElseThrow().resolved()).isEmpty();
        }
    }

    private static PaymentState state(BankServices services, String outTradeNo) {
        return services.payments().intent(outTradeNo).orElseThrow().state();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not resolved within 30 s");
            }
            Thread.sleep(50);
        }
    }
}
