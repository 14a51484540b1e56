package org.tongpos.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.bank.service.BankTestSupport;

/**
 * {@code tongpos sandbox} runs a real bank until stopped without touching any terminal data, and a terminal syncs
 * with it; a terminal with the wrong key is told so instead of retrying for ever.
 */
class SyncSandboxCommandTest {

    private static final Pattern BASE_URL = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/v1");
    private static final Pattern ADMIN_TOKEN = Pattern.compile("Authorization: Bearer ([A-Za-z0-9._~+/=-]+)");

    @TempDir
    Path dir;

    private int run(Path dataDir, StringWriter out, StringWriter err, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dataDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return TongPosCommand.run(d -> {
            throw new AssertionError("a command must not start the GUI");
        }, new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    @Test
    void sandboxCommandServesUntilStoppedAndATerminalSyncsWithItButNotWithAWrongKey() throws Exception {
        String key = BankTestSupport.newKey();
        Path untouched = dir.resolve("no-terminal-here");
        StringWriter sandboxOut = new StringWriter();
        AtomicInteger sandboxStatus = new AtomicInteger(-1);
        Thread sandbox = new Thread(() -> sandboxStatus.set(run(untouched, sandboxOut, new StringWriter(), "sandbox",
                "--port", "0", "--data", dir.resolve("bank").toString(), "--terminal", "T0001=" + key)));
        sandbox.start();
        String url = awaitUrl(sandboxOut);
        assertThat(untouched).as("the sandbox opens no terminal database").doesNotExist();
        assertThat(Files.exists(dir.resolve("bank").resolve("sandbox-bank.mv.db"))).isTrue();

        Path terminal = dir.resolve("terminal");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(terminal, out, err, "demo-data", "--products", "50")).isZero();
        assertThat(run(terminal, out, err, "sale", TerminalFixture.COLA, "--pay", "CASH:5")).isZero();
        assertThat(run(terminal, out, err, "config", "set", "bank.url", url)).isZero();
        assertThat(run(terminal, out, err, "config", "set", "bank.key", BankTestSupport.newKey())).isZero();
        assertThat(run(terminal, out, err, "config", "set", "ui.locale", "en")).isZero();
        err.getBuffer().setLength(0);
        assertThat(run(terminal, out, err, "sync", "now")).isEqualTo(1);
        assertThat(err.toString()).contains("Not finished: 1 entries pending", "cannot be verified");
        out.getBuffer().setLength(0);
        assertThat(run(terminal, out, err, "sync", "status")).isZero();
        assertThat(out.toString()).contains("1 entries pending", "Last round: answers cannot be verified (key?)");

        assertThat(run(terminal, out, err, "config", "set", "bank.key", key)).isZero();
        out.getBuffer().setLength(0);
        assertThat(run(terminal, out, err, "sync", "now")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("The bank holds every entry (through seq 1)");

        sandbox.interrupt();
        sandbox.join(10_000);
        assertThat(sandbox.isAlive()).isFalse();
        assertThat(run(terminal, out, err, "sync", "now")).as("the bank is gone, the entry is already there").isZero();
        assertThat(run(terminal, out, err, "sale", TerminalFixture.COLA, "--pay", "CASH:5")).isZero();
        err.getBuffer().setLength(0);
        assertThat(run(terminal, out, err, "sync", "now")).isEqualTo(1);
        assertThat(err.toString()).contains("Not finished: 1 entries pending");
    }

    @Test
    void sandboxCommandPrintsItsAdminTokenAndItsControlsServeNoOneWithoutIt() throws Exception {
        Path bankDir = dir.resolve("bank");
        StringWriter sandboxOut = new StringWriter();
        Thread sandbox = new Thread(() -> run(dir.resolve("unused"), sandboxOut, new StringWriter(), "sandbox",
                "--port", "0", "--data", bankDir.toString(), "--terminal", "T0001=" + BankTestSupport.newKey()));
        sandbox.start();
        try {
            String origin = awaitUrl(sandboxOut).replaceAll("/v1$", "");
            Matcher printed = awaitMatch(sandboxOut, ADMIN_TOKEN);
            String token = printed.group(1);
            assertThat(Files.readString(bankDir.resolve("admin-token")).strip()).isEqualTo(token);
            assertThat(sandboxOut.toString()).contains(bankDir.resolve("admin-token").toAbsolutePath().toString());

            HttpClient http = HttpClient.newHttpClient();
            HttpRequest.Builder qr = HttpRequest.newBuilder(URI.create(origin + "/sandbox/qr"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"account_id\":\"A0001\"}"));
            assertThat(http.send(qr.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
            HttpResponse<String> allowed = http.send(qr.header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.body()).contains("TQ1.");
        } finally {
            sandbox.interrupt();
            sandbox.join(10_000);
        }
    }

    @Test
    void sandboxCommandUsesTheAdminTokenItIsGivenAndRefusesAShortOne() throws Exception {
        StringWriter err = new StringWriter();
        assertThat(run(dir, new StringWriter(), err, "sandbox", "--port", "0", "--data", dir.resolve("b").toString(),
                "--terminal", "T0001=" + BankTestSupport.newKey(), "--admin-token", "short")).isEqualTo(2);
        assertThat(err.toString()).contains("--admin-token");

        StringWriter sandboxOut = new StringWriter();
        Thread sandbox = new Thread(() -> run(dir, sandboxOut, new StringWriter(), "sandbox", "--port", "0",
                "--data", dir.resolve("b").toString(), "--terminal", "T0001=" + BankTestSupport.newKey(),
                "--admin-token", "lab-token-0123456789"));
        sandbox.start();
        try {
            assertThat(awaitMatch(sandboxOut, ADMIN_TOKEN).group(1)).isEqualTo("lab-token-0123456789");
            assertThat(Files.readString(dir.resolve("b").resolve("admin-token"))).isEqualTo("lab-token-0123456789\n");
        } finally {
            sandbox.interrupt();
            sandbox.join(10_000);
        }
    }

    @Test
    void sandboxRefusesAMalformedTerminalKey() {
        StringWriter err = new StringWriter();
        assertThat(run(dir, new StringWriter(), err, "sandbox", "--port", "0", "--data", dir.resolve("b").toString(),
                "--terminal", "T0001=short")).isEqualTo(2);
        assertThat(err.toString()).isNotBlank();
    }

    private static Matcher awaitMatch(StringWriter out, Pattern pattern) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            Matcher matcher = pattern.matcher(out.toString());
            if (matcher.find()) {
                return matcher;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the sandbox printed no " + pattern + ": " + out);
    }

    private static String awaitUrl(StringWriter out) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            Matcher matcher = BASE_URL.matcher(out.toString());
            if (matcher.find()) {
                return matcher.group();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the sandbox printed no base URL: " + out);
    }
}
