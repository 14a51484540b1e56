package org.tongpos.sync.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.sync.batch.SandboxFixture;
import org.tongpos.sync.client.BankClient;
import org.tongpos.sync.client.BankReply;
import org.tongpos.sync.client.BankRequest;
import org.tongpos.sync.client.Jdbc;
import org.tongpos.sync.client.Sleeper;
import org.tongpos.sync.client.SyncSchema;
import org.tongpos.sync.client.TestDatabase;
import org.tongpos.sync.sandbox.Fault;
import org.tongpos.sync.wire.ApiPaths;
import org.tongpos.sync.wire.PaymentResult;
import org.tongpos.sync.wire.PaymentStatus;

/**
 * Issue 7, item 4: the terminal is killed with SIGKILL right after its POST reached the bank (the bank has committed
 * the payment or refund and holds back its answer). The terminal's database runs on H2's defaults, as the app's; the
 * intent and the refund must have been forced to disk before the request left, so that after the restart the open
 * intent is queried and resolved, and the refund is resent under its own number, never made again under a new one.
 */
class KillAfterPaymentPostTest {

    @TempDir
    Path dir;

    @Test
    void anIntentWhosePostReachedTheBankSurvivesAKillAndIsQueriedThenReversed() throws Exception {
        try (SandboxFixture sandbox = new SandboxFixture(dir.resolve("bank"))) {
            sandbox.bank().faults().inject("POST", "/v1/payments", Fault.delayAfterCommit(Duration.ofSeconds(60)), 1);
            List<String> lines = runChildUntil(sandbox, "pay", (no, client) -> bankSays(client, no) != null);
            String outTradeNo = numberAfter(lines, "PAYING ");
            assertThat(lines).noneMatch(l -> l.startsWith("PAID"));

            try (TerminalDb terminal = new TerminalDb(TestDatabase.fileWithAppDefaults(dir.resolve("terminal")));
                 BankClient client = sandbox.client()) {
                JdbcConnectionPool db = terminal.pool();
                SyncSchema.migrate(db);
                PaymentCodeService restarted = new PaymentCodeService(client, new Jdbc(db), Clock.systemUTC(),
                        Sleeper.real());
                assertThat(restarted.intent(outTradeNo)).as("the intent survived the kill").isPresent();
                List<PaymentIntent> resolved = restarted.recoverOpenIntents();
                // the bank charged the customer: the query finds SUCCESS; the app journals it with its sale, and here,
                // with no sale to journal it with, it is reversed
                assertThat(resolved).extracting(PaymentIntent::outTradeNo).containsExactly(outTradeNo);
                assertThat(resolved.get(0).state()).isEqualTo(PaymentState.SUCCESS);
                assertThat(restarted.reverse(outTradeNo).state()).isEqualTo(PaymentState.REVERSED);
                assertThat(bankSays(client, outTradeNo)).isEqualTo(PaymentStatus.REVERSED);
                assertThat(restarted.recoverOpenIntents()).isEmpty();
            }
        }
    }

    @Test
    void aRefundWhosePostReachedTheBankIsResentUnderItsOwnNumberAfterAKill() throws Exception {
        try (SandboxFixture sandbox = new SandboxFixture(dir.resolve("bank"))) {
            sandbox.bank().faults().inject("POST", "/v1/refunds", Fault.delayAfterCommit(Duration.ofSeconds(60)), 1);
            List<String> lines = runChildUntil(sandbox, "refund",
                    (no, client) -> bankSays(client, no) == PaymentStatus.REFUNDED);
            String outTradeNo = numberAfter(lines, "PAYING ");
            String outRefundNo = numberAfter(lines, "REFUNDING ");

            try (TerminalDb terminal = new TerminalDb(TestDatabase.fileWithAppDefaults(dir.resolve("terminal")));
                 BankClient client = sandbox.client()) {
                JdbcConnectionPool db = terminal.pool();
                SyncSchema.migrate(db);
                PaymentCodeService restarted = new PaymentCodeService(client, new Jdbc(db), Clock.systemUTC(),
                        Sleeper.real());
                assertThat(restarted.refundOf(outRefundNo)).as("the refund survived the kill").isPresent();
                assertThat(restarted.intent(outTradeNo).orElseThrow().state()).isEqualTo(PaymentState.SUCCESS);
                restarted.recoverOpenIntents();
                assertThat(restarted.refundOf(outRefundNo).orElseThrow().state()).isEqualTo(RefundState.SUCCESS);
                // exactly 400 of the 1000 fen went back: 601 more would exceed the payment, 600 does not
                assertThat(restarted.refund(PaymentCodeService.newOutRefundNo(), outTradeNo, 601, "too much")
                        .state()).isEqualTo(RefundState.FAILED);
                assertThat(restarted.refund(PaymentCodeService.newOutRefundNo(), outTradeNo, 600, "the rest")
                        .state()).isEqualTo(RefundState.SUCCESS);
            }
        }
    }

    /** The restarted terminal's database, closed after the test. */
    private record TerminalDb(JdbcConnectionPool pool) implements AutoCloseable {
        @Override
        public void close() {
            pool.dispose();
        }
    }

    /** What the bank says of a payment, or null when it does not know it. */
    private static PaymentStatus bankSays(BankClient client, String outTradeNo) {
        BankReply reply = client.call(BankRequest.get(ApiPaths.payment(outTradeNo)));
        if (reply instanceof BankReply.Answered answered && answered.status() == 200) {
            return client.read(answered, PaymentResult.class).status();
        }
        return null;
    }

    private interface BankCondition {
        boolean holds(String outTradeNo, BankClient client);
    }

    /**
     * Starts the child, waits until the bank has committed what it posted (the bank then holds back its answer)
     * and kills it with SIGKILL. Returns what the child printed.
     */
    private List<String> runChildUntil(SandboxFixture sandbox, String mode, BankCondition committed) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=none", "-cp", System.getProperty("java.class.path"),
                PaymentChild.class.getName(), sandbox.bank().apiBaseUrl(), dir.resolve("terminal").toString(), mode)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                // killed
            }
        }, "payment-child-reader");
        reader.setDaemon(true);
        reader.start();
        try (BankClient client = sandbox.client()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Predicate<List<String>> started = l -> l.stream().anyMatch(s -> s.startsWith("PAYING "));
            while (!started.test(lines) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            String outTradeNo = numberAfter(lines, "PAYING ");
            while (!committed.holds(outTradeNo, client) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(committed.holds(outTradeNo, client)).as("the bank committed the request").isTrue();
            assertThat(child.isAlive()).as("the child still waits for the bank's answer").isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertThat(lines).noneMatch(l -> l.equals("DONE"));
        return lines;
    }

    private static String numberAfter(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).trim())
                .findFirst().orElseThrow(() -> new AssertionError("the child never printed " + prefix + lines));
    }
}
