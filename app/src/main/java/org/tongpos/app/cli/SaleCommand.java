package org.tongpos.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.tongpos.app.Terminal;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.checkout.domain.PaymentException;
import org.tongpos.app.checkout.domain.ScanOutcome;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.OperatorException;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.sync.journal.TenderMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A scripted sale for automation and support: {@code sale 6920000000017x3 10001x0.512 --pay CASH:50}. Piece goods
 * take an integer quantity, weighed goods a weight in kilograms (up to three decimals). Anything wrong records nothing.
 * The cashier of record is {@code --operator NO} (an enabled operator who may sell), else the {@code cashier.name}
 * setting ({@code system} unless set).
 */
@Command(name = "sale", description = "Records a scripted sale: ITEM is a barcode or PLU, optionally xQTY "
        + "(pieces, or kg for weighed goods); prints the receipt and the journal seq.")
final class SaleCommand extends TerminalCommand.Top {

    /** What may follow the {@code x} of {@code ITEMxQTY}: pieces or kilograms, checked against the goods later. */
    private static final Pattern QUANTITY = Pattern.compile("\\d+(\\.\\d+)?");

    @Parameters(paramLabel = "ITEM", arity = "1..*")
    List<String> items;

    @Option(names = "--pay", paramLabel = "METHOD:AMOUNT", required = true,
            description = "Payment, e.g. CASH:50 or CASH:12.50 (cash only until bank payments are configured).")
    List<String> payments;

    @Mixin
    ActorOption actor;

    @Override
    int run(Terminal terminal) {
        Messages messages = terminal.messages();
        Session cashier;
        try {
            cashier = actor.session(terminal, terminal.settings().get(SettingKey.CASHIER));
        } catch (OperatorException e) {
            err().println(e.text(messages));
            return ExitCodes.BAD_INPUT;
        }
        if (cashier.operator().isPresent() && !cashier.operator().get().role().has(Permission.SELL)) {
            err().println(messages.get("cli.sale.operatorCannotSell", cashier.recordedAs(),
                    messages.get(cashier.operator().get().role().messageKey())));
            return ExitCodes.BAD_INPUT;
        }
        Cart cart = new Cart();
        for (String item : items) {
            String problem = addItem(terminal, cart, item);
            if (problem != null) {
                err().println(problem);
                return ExitCodes.BAD_INPUT;
            }
        }
        List<Payment.Offer> offers = new ArrayList<>();
        for (String pay : payments) {
            Payment.Offer offer = parseOffer(pay);
            if (offer == null) {
                err().println(messages.get("cli.sale.badPayment", pay));
                return ExitCodes.BAD_INPUT;
            }
            offers.add(offer);
        }
        try {
            Payment.settle(cart.total(), offers); // refused payments open no shift either
            terminal.shifts().ensureOpen(cashier);
            CompletedSale sale = terminal.checkout().pay(cart, offers, cashier);
            out().print(terminal.saleReceipts().text(sale, terminal.receiptPaper()));
            out().println("seq " + sale.seq());
            return ExitCodes.OK;
        } catch (PaymentException e) {
            err().println(messages.get("payment.refused." + e.reason().name(), e.stillDue().toYuanString()));
            return ExitCodes.BAD_INPUT;
        }
    }

    /** Adds one ITEM ({@code CODE[xQTY]}) to the cart; returns what is wrong with it, or null. */
    static String addItem(Terminal terminal, Cart cart, String item) {
        Messages messages = terminal.messages();
        String code = item;
        String quantity = "";
        ScanOutcome outcome = terminal.checkout().resolve(item);
        int x = Math.max(item.lastIndexOf('x'), item.lastIndexOf('X'));
        boolean wholeItemIsACode = !(outcome instanceof ScanOutcome.Unknown || outcome instanceof ScanOutcome.Malformed);
        if (!wholeItemIsACode && x > 0 && QUANTITY.matcher(item.substring(x + 1)).matches()) {
            code = item.substring(0, x);
            quantity = item.substring(x + 1);
            outcome = terminal.checkout().resolve(code);
        }
        if (outcome instanceof ScanOutcome.Malformed) {
            return messages.get("scan.malformed", code);
        }
        if (outcome instanceof ScanOutcome.Unknown) {
            return messages.get("scan.unknown", code);
        }
        if (outcome instanceof ScanOutcome.NeedsWeight needs) {
            Long grams = parseKilograms(quantity);
            if (grams == null) {
                return messages.get("cli.sale.needsWeight", item);
            }
            cart.append(CartLine.weighed(needs.product(), grams));
            return null;
        }
        CartLine line = ((ScanOutcome.Goods) outcome).line();
        long count = 1;
        if (!quantity.isEmpty()) {
            if (line.isWeighed() || line.quantity() == 0 || !quantity.matches("[1-9]\\d{0,5}")) {
                return messages.get("cli.sale.badQuantity", item);
            }
            count = Long.parseLong(quantity);
        }
        if (line.isWeighed() || line.quantity() == 0) {
            cart.append(line);
        } else {
            cart.addPieces(line.product(), count);
        }
        return null;
    }

    private static Long parseKilograms(String text) {
        if (!text.matches("\\d{1,3}(\\.\\d{1,3})?")) {
            return null;
        }
        String[] parts = text.split("\\.");
        long grams = Long.parseLong(parts[0]) * 1000;
        if (parts.length == 2) {
            grams += Long.parseLong((parts[1] + "00").substring(0, 3));
        }
        return grams > 0 ? grams : null;
    }

    private static Payment.Offer parseOffer(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String method = text.substring(0, colon).toUpperCase(Locale.ROOT);
        if (!method.equals(TenderMethod.CASH.name())) {
            return null;
        }
        try {
            Money amount = Money.parseYuan(text.substring(colon + 1));
            return amount.isPositive() ? new Payment.Offer(TenderMethod.CASH, amount, "") : null;
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null;
        }
    }
}
