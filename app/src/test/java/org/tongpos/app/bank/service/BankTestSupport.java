package org.tongpos.app.bank.service;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import org.tongpos.app.Terminal;
import org.tongpos.app.catalog.service.DemoCatalog;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.checkout.domain.PaymentException;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.settings.store.SettingsStore;
import org.tongpos.sync.client.BankClient;
import org.tongpos.sync.client.BankReply;
import org.tongpos.sync.client.BankRequest;
import org.tongpos.sync.wire.ApiPaths;
import org.tongpos.sync.wire.Cursor;

/** Helpers for tests of the terminal against a real sandbox bank. */
public final class BankTestSupport {

    public static final String TERMINAL = "T0001";
    public static final String MERCHANT = "M001";

    private BankTestSupport() {
    }

    /** A fresh terminal key: 32 random bytes, base64 (what {@code openssl rand -base64 32} prints). */
    public static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /**
     * A loopback port nobody listens on, below the kernel's ephemeral range: a released ephemeral port can be handed to
     * the connecting client itself as its source port, and the connect then reaches itself (TCP simultaneous open).
     */
    /**
     * Tests that sell on the real clock and then close one business day must not straddle midnight in the
     * terminal's business zone (16:00 UTC for Asia/Shanghai): within a minute of it, this waits until it has passed.
     */
    public static void awayFromBusinessMidnight() throws InterruptedException {
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of(SettingKey.TIME_ZONE.defaultValue()));
        Duration untilMidnight = Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(now.getZone()));
        if (untilMidnight.compareTo(Duration.ofMinutes(1)) < 0) {
            Thread.sleep(untilMidnight.plusSeconds(1).toMillis());
        }
    }

    public static int closedPort() throws IOException {
        for (int port = 20_000; port < 32_000; port++) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
                return port;
            } catch (java.net.BindException busy) {
                // taken: try the next one
            }
        }
        throw new IOException("no free loopback port between 20000 and 32000");
    }

    public static void configure(Terminal terminal, String url, String key) {
        terminal.settings().set(SettingKey.BANK_URL, url);
        terminal.settings().set(SettingKey.BANK_KEY, key);
        terminal.settings().set(SettingKey.BANK_MERCHANT, MERCHANT);
    }

    /**
     * Stores the bank settings as an older version of the terminal did, past today's rules (a plain http:// URL to
     * another machine, say): what the bank connection must refuse when it is built.
     */
    public static void storeWithoutTodaysRules(Terminal terminal, String url, String key) {
        SettingsStore raw = new SettingsStore(terminal.database().dataSource());
        raw.set(SettingKey.BANK_URL, url);
        raw.set(SettingKey.BANK_KEY, key);
        raw.set(SettingKey.BANK_MERCHANT, MERCHANT);
    }

    /** A sale of {@code count} colas (3.00 each) paid in full with one tender. */
    public static CompletedSale sell(Terminal terminal, org.tongpos.sync.journal.TenderMethod method, int count,
                                     String reference) throws PaymentException {
        Cart cart = new Cart();
        cart.addPieces(terminal.catalog().byBarcode(DemoCatalog.stapleBarcode(0)).orElseThrow(), count);
        return terminal.checkout().pay(cart, List.of(new Payment.Offer(method, cart.total(), reference)),
                terminal.systemSession());
    }

    /** What the bank holds for a terminal, asked over the API with the terminal's own client. */
    public static Cursor cursor(BankClient client) {
        BankReply reply = client.call(BankRequest.get(ApiPaths.cursor(client.terminalId())));
        if (!(reply instanceof BankReply.Answered answered) || answered.status() != 200) {
            throw new AssertionError("no cursor from the bank: " + reply);
        }
        return client.read(answered, Cursor.class);
    }
}
