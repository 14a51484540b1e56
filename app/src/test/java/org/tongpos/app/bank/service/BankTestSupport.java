package org.tongpos.app.bank.service;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.tongpos.app.Terminal;
import org.tongpos.app.catalog.service.DemoCatalog;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.checkout.domain.PaymentException;
import org.tongpos.app.settings.domain.SettingKey;
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

    /** A loopback port nobody listens on (taken and released at once). */
    public static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static void configure(Terminal terminal, String url, String key) {
        terminal.settings().set(SettingKey.BANK_URL, url);
        terminal.settings().set(SettingKey.BANK_KEY, key);
        terminal.settings().set(SettingKey.BANK_MERCHANT, MERCHANT);
    }

    /** A sale of {@code count} colas (3.00 each) paid in full with one tender. */
    public static CompletedSale sell(Terminal terminal, org.tongpos.sync.journal.TenderMethod method, int count,
                                     String reference) throws PaymentException {
        Cart cart = new Cart();
        cart.addPieces(terminal.catalog().byBarcode(DemoCatalog.stapleBarcode(0)).orElseThrow(), count);
        return terminal.checkout().pay(cart, List.of(new Payment.Offer(method, cart.total(), reference)),
                terminal.cashier());
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
