package org.tongpos.sync.payment;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.tongpos.sync.batch.SandboxFixture;
import org.tongpos.sync.client.BankClient;
import org.tongpos.sync.client.BankConfig;
import org.tongpos.sync.client.Jdbc;
import org.tongpos.sync.client.Sleeper;
import org.tongpos.sync.client.SyncSchema;
import org.tongpos.sync.client.TestDatabase;

/**
 * The terminal process of {@link KillAfterPaymentPostTest}: on a database with H2's defaults (as the app's), it
 * pays with a payment code ({@code pay}) or pays and then refunds ({@code refund}), printing each number before the
 * request goes out, and is killed while the bank holds back its answer. Arguments: base URL, database directory,
 * mode.
 */
public final class PaymentChild {

    static final String PAYS_AT_ONCE = "134567890123450001";

    private PaymentChild() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        var db = TestDatabase.fileWithAppDefaults(Path.of(args[1]));
        SyncSchema.migrate(db);
        BankConfig config = BankConfig.of(args[0], SandboxFixture.KEY, SandboxFixture.MERCHANT)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(120), Duration.ofSeconds(120))
                .withRetryPolicy(SandboxFixture.FAST);
        BankClient client = new BankClient(config, Clock.systemUTC(), Sleeper.real(), RandomGenerator.getDefault());
        PaymentCodeService payments = new PaymentCodeService(client, new Jdbc(db), Clock.systemUTC(), Sleeper.real());
        String outTradeNo = PaymentCodeService.newOutTradeNo();
        out.println("PAYING " + outTradeNo);
        PaymentIntent paid = payments.pay(outTradeNo, PAYS_AT_ONCE, 1000, "kill -9 test");
        out.println("PAID " + outTradeNo + " " + paid.state());
        if (args[2].equals("refund")) {
            String outRefundNo = PaymentCodeService.newOutRefundNo();
            out.println("REFUNDING " + outRefundNo);
            payments.refund(outRefundNo, outTradeNo, 400, "returned goods");
        }
        out.println("DONE");
    }
}
