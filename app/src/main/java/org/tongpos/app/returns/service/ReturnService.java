package org.tongpos.app.returns.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.checkout.domain.ScanOutcome;
import org.tongpos.app.journal.store.JournalStore;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.ApprovalRequest;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditEntry;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.Approval;
import org.tongpos.app.operators.service.AuditLog;
import org.tongpos.app.returns.domain.CompletedReturn;
import org.tongpos.app.returns.domain.NoReceiptLine;
import org.tongpos.app.returns.domain.OriginalSale;
import org.tongpos.app.returns.domain.ReturnException;
import org.tongpos.app.returns.store.ReturnStore;
import org.tongpos.app.storage.DurableTransaction;
import org.tongpos.sync.journal.ApiTimes;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;

/**
 * Returns against the original receipt: pick lines and quantities (never more than was sold and not yet returned),
 * refund to the original tenders in the sale's order (cash from the drawer, a payment code through the bank's
 * {@code /v1/refunds}, a bank card recorded for the card terminal), and record a {@code REFUND} journal entry naming
 * {@code original_txn_id}, committed and forced to disk before this returns. See docs/till.md.
 */
public final class ReturnService {

    /** Refunds a payment-code tender at the bank; returns the bank's final state name ({@code SUCCESS} …). */
    @FunctionalInterface
    public interface CodeRefunds {
        String refund(String outRefundNo, String tenderReference, long amountFen, String reason);
    }

    /** A line to return: {@code item} is the line's barcode/PLU or its line number; {@code units} 0 means all left. */
    public record Pick(String item, long units) {
    }

    private final ReturnStore store;
    private final JournalStore journal;
    private final AuditLog audit;
    private final DurableTransaction durable;
    private final Clock clock;
    private final Supplier<Money> approvalAbove;
    private final Supplier<Optional<CodeRefunds>> codeRefunds;
    private Function<String, ScanOutcome> items = ScanOutcome.Unknown::new;

    public ReturnService(ReturnStore store, JournalStore journal, AuditLog audit, DurableTransaction durable,
                         Clock clock, Supplier<Money> approvalAbove, Supplier<Optional<CodeRefunds>> codeRefunds) {
        this.store = store;
        this.journal = journal;
        this.audit = audit;
        this.durable = durable;
        this.clock = clock;
        this.approvalAbove = approvalAbove;
        this.codeRefunds = codeRefunds;
    }

    /**
     * The {@code original_txn_id} of a return without a receipt: the nil UUID. The contract requires every refund to
     * name one as UUID text; no sale has it (the terminal's txn ids are random UUIDs), so it says "no sale" within the
     * contract (decision 0015).
     */
    public static final String NO_ORIGINAL = "00000000-0000-0000-0000-000000000000";

    /** The subject of a return without a receipt in approvals and the audit log. */
    public static final String NO_RECEIPT = "NO-RECEIPT";

    /** How a return without a receipt finds goods by barcode, PLU or scale label (the till's scan resolver). */
    public void useItemLookup(Function<String, ScanOutcome> lookup) {
        this.items = lookup;
    }

    /** The sale of a receipt number (typed, or scanned from the receipt's QR code). */
    public OriginalSale find(String receiptNo) {
        String number = receiptNo.strip();
        return store.byReceipt(number)
                .orElseThrow(() -> new ReturnException(ReturnException.Reason.NO_SUCH_RECEIPT, number));
    }

    /** The approval returning {@code amount} of {@code sale} needs from {@code session}, if any. */
    public Optional<ApprovalRequest> approvalNeeded(Session session, OriginalSale sale, Money amount) {
        ApprovalRequest request = ApprovalRequest.of(Permission.REFUND, AuditAction.REFUND, sale.receiptNo(), amount,
                "above " + approvalAbove.get().toYuanString());
        return !session.may(Permission.REFUND) && approvalAbove.get().isLessThan(amount) ? Optional.of(request)
                : Optional.empty();
    }

    /** What returning {@code picks} of the receipt pays back, per line number; checks what is left. */
    public Map<Integer, long[]> plan(OriginalSale sale, List<Pick> picks) {
        Map<Integer, long[]> units = new LinkedHashMap<>();
        if (picks.isEmpty()) {
            for (OriginalSale.Line line : sale.lines()) {
                if (line.unitsLeft() > 0) {
                    units.put(line.lineNo(), new long[] {line.unitsLeft(), line.amountFor(line.unitsLeft())});
                }
            }
            if (units.isEmpty()) {
                throw new ReturnException(ReturnException.Reason.NOTHING_LEFT, sale.receiptNo());
            }
            return units;
        }
        Map<Integer, Long> wanted = new LinkedHashMap<>();
        Map<Integer, String> named = new LinkedHashMap<>();
        for (Pick pick : picks) {
            OriginalSale.Line line = lineOf(sale, pick.item());
            long n = pick.units() == 0 ? line.unitsLeft() : pick.units();
            wanted.merge(line.lineNo(), n, Long::sum);
            named.putIfAbsent(line.lineNo(), pick.item());
        }
        for (OriginalSale.Line line : sale.lines()) {
            Long n = wanted.get(line.lineNo());
            if (n == null) {
                continue;
            }
            if (n > line.unitsLeft() || n <= 0) {
                throw new ReturnException(ReturnException.Reason.EXCEEDS_WHAT_IS_LEFT, named.get(line.lineNo()),
                        line.unitsLeft());
            }
            units.put(line.lineNo(), new long[] {n, line.amountFor(n)});
        }
        return units;
    }

    /**
     * Returns {@code picks} (all that is left when empty) of the receipt and refunds them.
     *
     * @throws ReturnException       unknown receipt or item, more than is left, a refused code refund: nothing recorded
     * @throws AccessDeniedException when a supervisor must approve and {@code approval} does not approve this return
     */
    public synchronized CompletedReturn refund(Session session, String receiptNo, List<Pick> picks, String reason,
                                               Optional<Approval> approval) {
        OriginalSale sale = find(receiptNo);
        Map<Integer, long[]> plan = plan(sale, picks);
        long amount = refundAmount(sale, plan);
        Optional<ApprovalRequest> needed = approvalNeeded(session, sale, Money.ofFen(amount));
        if (needed.isPresent() && (approval.isEmpty() || !approval.get().approves(needed.get()))) {
            throw new AccessDeniedException(session.operator().orElseThrow(), Permission.REFUND);
        }
        String why = reason == null ? "" : reason.strip();
        List<EntryTender> tenders = allocate(sale, amount, why);
        String txnId = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(clock).withNano(0);
        String approver = needed.isPresent() ? approval.orElseThrow().approver().number() : "";
        JournalEntry entry = durable.run(c -> {
            OriginalSale current = store.byReceipt(c, sale.receiptNo()).orElseThrow();
            plan(current, picksOf(plan)); // nothing returned meanwhile that would make this too much
            JournalEntry refund = journal.append(c, new JournalStore.Draft(txnId, EntryKind.REFUND,
                    ApiTimes.format(now), now.toLocalDate().toString(), amount, tenders, sale.txnId()));
            List<ReturnStore.ReturnedLine> lines = new ArrayList<>();
            plan.forEach((lineNo, p) -> lines.add(new ReturnStore.ReturnedLine(lineNo, p[0], p[1])));
            store.insert(c, txnId, sale.txnId(), session.recordedAs(), approver, why, lines);
            AuditEntry record = AuditEntry.by(session, AuditAction.REFUND).subject(sale.receiptNo())
                    .amount(Money.ofFen(amount)).detail("seq " + refund.seq() + (why.isEmpty() ? "" : ", " + why));
            audit.append(c, approver.isEmpty() ? record : record.approvedBy(approver));
            return refund;
        });
        return new CompletedReturn(entry.seq(), txnId, sale.txnId(), sale.receiptNo(), amount, tenders);
    }

    /**
     * The goods of a return without a receipt at today's prices: each item a barcode, PLU or scale label, its units
     * pieces (a scale label comes back as its amount, per label); the same product twice is one line.
     *
     * @throws ReturnException an unknown code, a weighed product without its label, no items
     */
    public List<NoReceiptLine> priceWithoutReceipt(List<Pick> picks) {
        if (picks.isEmpty()) {
            throw new ReturnException(ReturnException.Reason.NO_ITEMS);
        }
        Map<String, NoReceiptLine> lines = new LinkedHashMap<>();
        for (Pick pick : picks) {
            String code = pick.item().strip();
            long units = pick.units() <= 0 ? 1 : pick.units();
            ScanOutcome outcome = items.apply(code);
            if (outcome instanceof ScanOutcome.NeedsWeight weighed) {
                throw new ReturnException(ReturnException.Reason.WEIGHED_NEEDS_LABEL, weighed.product().name());
            }
            if (!(outcome instanceof ScanOutcome.Goods goods) || !goods.line().amount().isPositive()) {
                throw new ReturnException(ReturnException.Reason.UNKNOWN_ITEM, code);
            }
            CartLine line = goods.line();
            boolean whole = line.isWeighed() || line.quantity() == 0;
            String key = whole ? "label:" + code : "product:" + line.product().id();
            NoReceiptLine before = lines.get(key);
            long total = Math.addExact(units, before == null ? 0 : before.units());
            long amount = whole ? Math.multiplyExact(line.amount().fen(), total)
                    : CartLine.pieces(line.product(), total).amount().fen();
            lines.put(key, new NoReceiptLine(line.product().id(), before == null ? code : before.barcode(),
                    line.product().name(), whole, total, amount));
        }
        return List.copyOf(lines.values());
    }

    /**
     * The approval a return without a receipt needs: none when a supervisor (an operator who may override limits)
     * does it; else a supervisor's number and PIN there and then.
     */
    public Optional<ApprovalRequest> noReceiptApprovalNeeded(Session session, Money amount, String reason) {
        boolean supervisor = session.operator().map(o -> o.role().has(Permission.OVERRIDE_LIMITS)).orElse(false);
        return supervisor ? Optional.empty() : Optional.of(ApprovalRequest.of(Permission.OVERRIDE_LIMITS,
                AuditAction.REFUND, NO_RECEIPT, amount, reason == null ? "" : reason.strip()));
    }

    /**
     * A return without a receipt: only by a supervisor (the operator acting, or one approving with the PIN), with a
     * reason, refunded in cash at today's prices. Its REFUND entry names {@link #NO_ORIGINAL}; the audit log records
     * it with the approver.
     *
     * @throws ReturnException       no reason, no goods, an unknown code, no operator named (command line)
     * @throws AccessDeniedException neither the operator is a supervisor nor {@code approval} approves this return
     */
    public synchronized CompletedReturn refundWithoutReceipt(Session session, List<Pick> picks, String reason,
                                                             Optional<Approval> approval) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new ReturnException(ReturnException.Reason.REASON_NEEDED);
        }
        if (session.operator().isEmpty()) {
            throw new ReturnException(ReturnException.Reason.SUPERVISOR_NEEDED);
        }
        List<NoReceiptLine> lines = priceWithoutReceipt(picks);
        long amount = 0;
        for (NoReceiptLine line : lines) {
            amount = Math.addExact(amount, line.amountFen());
        }
        Optional<ApprovalRequest> needed = noReceiptApprovalNeeded(session, Money.ofFen(amount), why);
        if (needed.isPresent() && (approval.isEmpty() || !approval.get().approves(needed.get()))) {
            throw new AccessDeniedException(session.operator().orElseThrow(), Permission.OVERRIDE_LIMITS);
        }
        String approver = needed.isPresent() ? approval.orElseThrow().approver().number() : "";
        List<EntryTender> tenders = List.of(new EntryTender(TenderMethod.CASH, amount, ""));
        String txnId = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(clock).withNano(0);
        long total = amount;
        JournalEntry entry = durable.run(c -> {
            JournalEntry refund = journal.append(c, new JournalStore.Draft(txnId, EntryKind.REFUND,
                    ApiTimes.format(now), now.toLocalDate().toString(), total, tenders, NO_ORIGINAL));
            store.insertWithoutReceipt(c, txnId, session.recordedAs(), approver, why, lines);
            AuditEntry record = AuditEntry.by(session, AuditAction.REFUND).subject(NO_RECEIPT)
                    .amount(Money.ofFen(total)).detail("seq " + refund.seq() + ", " + why);
            audit.append(c, approver.isEmpty() ? record : record.approvedBy(approver));
            return refund;
        });
        return new CompletedReturn(entry.seq(), txnId, NO_ORIGINAL, "", amount, tenders);
    }

    /**
     * What the customer gets back: the lines' amounts, never more than the sale's tenders still hold; the return of
     * all that is left gives back exactly what is left of what was paid. A cash sale rounded (抹零) has lines that add
     * up to a little more or less than its tenders: without this its full return asked more of the tenders than they
     * held, and a rounded-up sale kept its rounding.
     */
    private static long refundAmount(OriginalSale sale, Map<Integer, long[]> plan) {
        long lines = plan.values().stream().mapToLong(p -> p[1]).sum();
        long tendersLeft = sale.tenders().stream().mapToLong(OriginalSale.TenderLeft::leftFen).sum();
        boolean allThatIsLeft = sale.lines().stream().allMatch(line -> line.unitsLeft() == 0
                || plan.containsKey(line.lineNo()) && plan.get(line.lineNo())[0] == line.unitsLeft());
        return allThatIsLeft ? tendersLeft : Math.min(lines, tendersLeft);
    }

    private static List<Pick> picksOf(Map<Integer, long[]> plan) {
        List<Pick> picks = new ArrayList<>();
        plan.forEach((lineNo, p) -> picks.add(new Pick("#" + lineNo, p[0])));
        return picks;
    }

    /** Splits the refund over the sale's tenders in their order; a payment code is refunded at the bank first. */
    private List<EntryTender> allocate(OriginalSale sale, long amount, String reason) {
        List<EntryTender> tenders = new ArrayList<>();
        long remaining = amount;
        for (OriginalSale.TenderLeft tender : sale.tenders()) {
            long part = Math.min(remaining, tender.leftFen());
            if (part <= 0) {
                continue;
            }
            if (tender.method() == TenderMethod.PAYMENT_CODE) {
                refundCode(sale, tender, part, reason);
            }
            tenders.add(new EntryTender(tender.method(), part, tender.reference()));
            remaining -= part;
        }
        if (remaining != 0) {
            throw new IllegalStateException("the sale's tenders do not cover the return: " + remaining + " fen left");
        }
        return tenders;
    }

    /**
     * The bank refund of a code tender. Its out_refund_no is chosen once per (sale, amount refunded before, amount)
     * and stored before the bank is asked: a retried return after a failure or crash sends the same number, so the
     * bank never refunds twice.
     */
    private void refundCode(OriginalSale sale, OriginalSale.TenderLeft tender, long part, String reason) {
        CodeRefunds bank = codeRefunds.get()
                .orElseThrow(() -> new ReturnException(ReturnException.Reason.BANK_NEEDED));
        String key = sale.txnId() + ":" + tender.refundedFen() + ":" + part;
        String outRefundNo = store.outRefundNo(key).orElseGet(() -> {
            String fresh = UUID.randomUUID().toString().replace("-", "");
            durable.run(c -> {
                store.saveOutRefundNo(c, key, fresh);
                return null;
            });
            return fresh;
        });
        String state = bank.refund(outRefundNo, tender.reference(), part, reason);
        if (!"SUCCESS".equals(state)) {
            throw new ReturnException(ReturnException.Reason.CODE_REFUND_FAILED, state);
        }
    }

    private static OriginalSale.Line lineOf(OriginalSale sale, String item) {
        String text = item.strip();
        if (text.startsWith("#") && text.substring(1).matches("\\d{1,4}")) {
            int lineNo = Integer.parseInt(text.substring(1));
            for (OriginalSale.Line line : sale.lines()) {
                if (line.lineNo() == lineNo) {
                    return line;
                }
            }
        }
        OriginalSale.Line found = null;
        for (OriginalSale.Line line : sale.lines()) {
            if (line.barcode().equals(text) && (found == null || found.unitsLeft() == 0)) {
                found = line;
            }
        }
        if (found == null) {
            throw new ReturnException(ReturnException.Reason.NOT_ON_RECEIPT, text);
        }
        return found;
    }
}
