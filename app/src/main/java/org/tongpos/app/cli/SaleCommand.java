package org.tongpos.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tongpos.app.Terminal;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.domain.Customer;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.checkout.domain.PaymentException;
import org.tongpos.app.checkout.domain.ScanOutcome;
import org.tongpos.app.checkout.domain.Tender;
import org.tongpos.app.checkout.service.CodePayments;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.OperatorException;
import org.tongpos.app.promotions.domain.Member;
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

    @Option(names = "--pay", paramLabel = "METHOD:AMOUNT[:REFERENCE]", required = true,
            description = "A payment, repeatable (at most one per method; change only from cash): CASH:50, "
                    + "BANK_CARD:12.50:REFERENCE (the card terminal's reference), PAYMENT_CODE:8:AUTH_CODE (the "
                    + "customer's payment code, charged through the bank).")
    List<String> payments;

    @Option(names = "--member", paramLabel = "PHONE",
            description = "The member, by phone number or card UID: member prices and members-only promotions.")
    String member;

    @Option(names = "--card", paramLabel = "NUMBER", description = "The masked number of the bank card that pays "
            + "(BANK_CARD), e.g. 6231********1234: card prefixes and the daily cap of bank offers.")
    String card = "";

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
        Customer customer = Customer.NOBODY;
        if (member != null) {
            Optional<Member> found = terminal.promotions().members().find(member);
            if (found.isEmpty()) {
                err().println(messages.get("cli.promo.unknownMember", member));
                return ExitCodes.BAD_INPUT;
            }
            customer = Customer.member(found.get());
        }
        customer = customer.withCard(card);
        List<Payment.Offer> offers = new ArrayList<>();
        Payment.Offer code = null;
        for (String pay : payments) {
            Payment.Offer offer = parseOffer(pay);
            if (offer == null) {
                err().println(messages.get("cli.sale.badPayment", pay));
                return ExitCodes.BAD_INPUT;
            }
            if (offer.method() == TenderMethod.BANK_CARD && !card.isBlank()) {
                // never keep a full card number: a number given unmasked is masked here
                String masked = card.strip().matches("\\d{12,19}")
                        ? org.tongpos.hardware.card.MaskedCardNumber.mask(card.strip()).toString() : card.strip();
                if (masked.length() > 32) {
                    err().println(messages.get("cli.sale.badPayment", card));
                    return ExitCodes.BAD_INPUT;
                }
                offer = new Payment.Offer(offer.method(), offer.offered(), offer.reference(), masked);
            }
            if (offer.method() == TenderMethod.PAYMENT_CODE) {
                if (code != null) {
                    err().println(messages.get("payment.refused.DUPLICATE_METHOD"));
                    return ExitCodes.BAD_INPUT;
                }
                code = offer;
            } else {
                offers.add(offer);
            }
        }
        try {
            if (code == null) {
                // refused payments open no shift either
                Payment.settle(terminal.checkout().quote(cart, customer, offers).payable(), offers);
            }
            terminal.shifts().ensureOpen(cashier);
            CompletedSale sale;
            if (code == null) {
                sale = terminal.checkout().pay(cart, offers, cashier, customer);
            } else {
                CodePayments.Outcome outcome = terminal.codePayments().pay(cart, customer, offers, code.offered(),
                        code.reference(), cashier, left -> {
                            err().println(messages.get("cli.sale.waiting", left.toSeconds()));
                            err().flush();
                            return true;
                        });
                if (!(outcome instanceof CodePayments.Outcome.Paid paid)) {
                    err().println(refusal(messages, outcome));
                    return ExitCodes.REFUSED;
                }
                sale = paid.sale();
            }
            if (customer.member().isPresent()) {
                Member m = customer.member().get();
                out().println(messages.get("cli.promo.price.member", m.name(), m.phone().isEmpty() ? m.cardUid()
                        : m.phone()));
            }
            out().print(terminal.saleReceipts().text(sale, terminal.receiptPaper()));
            out().println("receipt " + sale.receiptNo());
            out().println("seq " + sale.seq());
            for (Tender tender : sale.tenders()) {
                out().println("tender " + tender.method().name() + " " + tender.amount().toYuanString()
                        + (tender.reference().isEmpty() ? "" : " " + tender.reference()));
            }
            for (org.tongpos.app.promotions.domain.Discount discount : sale.discounts()) {
                out().println("discount " + discount.promotionId() + " " + discount.amount().toYuanString());
            }
            return ExitCodes.OK;
        } catch (PaymentException e) {
            err().println(messages.get("payment.refused." + e.reason().name(), e.stillDue().toYuanString()));
            return ExitCodes.BAD_INPUT;
        }
    }

    /** Why a code payment did not pay, in the terminal's language; nothing was journaled. */
    private static String refusal(Messages messages, CodePayments.Outcome outcome) {
        if (outcome instanceof CodePayments.Outcome.Refused refused) {
            return messages.get(CodePayments.reasonKey(refused.failCode()), refused.failCode());
        }
        if (outcome instanceof CodePayments.Outcome.NotConfirmed unconfirmed) {
            return messages.get(unconfirmed.reversed() ? "payment.code.notConfirmed" : "payment.code.reversalPending");
        }
        return messages.get("payment.code.offline");
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

    /**
     * {@code METHOD:AMOUNT[:REFERENCE]}: CASH without a reference; BANK_CARD with the card terminal's reference;
     * PAYMENT_CODE with the customer's code (1 to 32 digits). Null when it is none of these.
     */
    static Payment.Offer parseOffer(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            return null;
        }
        TenderMethod method;
        try {
            method = TenderMethod.valueOf(parts[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
        String reference = parts.length == 3 ? parts[2].strip() : "";
        boolean fits = switch (method) {
            case CASH -> reference.isEmpty();
            case BANK_CARD -> reference.matches("[A-Za-z0-9-]{1,64}");
            case PAYMENT_CODE -> CodePayments.isCode(reference);
            default -> false;
        };
        if (!fits) {
            return null;
        }
        try {
            Money amount = Money.parseYuan(parts[1]);
            return amount.isPositive() ? new Payment.Offer(method, amount, reference) : null;
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null;
        }
    }
}
