package org.tongpos.app.returns.ui;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.ApprovalRequest;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.Approval;
import org.tongpos.app.operators.ui.ApprovalViewModel;
import org.tongpos.app.operators.ui.OperatorNotices;
import org.tongpos.app.returns.domain.CompletedReturn;
import org.tongpos.app.returns.domain.NoReceiptLine;
import org.tongpos.app.returns.domain.OriginalSale;
import org.tongpos.app.returns.domain.ReturnException;
import org.tongpos.app.returns.service.RefundReceipts;
import org.tongpos.app.returns.service.ReturnService;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.TaskRunner;
import org.tongpos.app.ui.TillPrinter;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.TenderMethod;

/**
 * The return screen (退货) at the till: the receipt number scanned from the receipt's QR code or typed; the original
 * lines with what is left to return; the cashier picks lines and quantities (a scan of an item's barcode adds one of
 * it); above {@code refund.approval-above} a supervisor approves with number and PIN; the refund goes to the original
 * tenders through {@link ReturnService} and the refund slip prints (the drawer opens when cash goes back).
 */
public final class ReturnViewModel {

    private static final Pattern ITEM = Pattern.compile("(.+?)(?:[xX*](\\d{1,6}))?");

    /** What the return screen shows. */
    public enum Step {
        NONE,
        /** Scan or type the receipt number. */
        RECEIPT,
        /** Pick lines and quantities. */
        PICK,
        /** A return without a receipt: scan or type the goods, give a reason; a supervisor, refunded in cash. */
        NO_RECEIPT,
        APPROVAL,
        /** Refunded: what went back to which tender. */
        DONE
    }

    /** A line of the original sale and how much of it is picked to return now (units: pieces, or 1 = whole). */
    public static final class Row {
        private final OriginalSale.Line line;
        private final LongProperty units = new SimpleLongProperty(0);

        Row(OriginalSale.Line line) {
            this.line = line;
        }

        public OriginalSale.Line line() {
            return line;
        }

        public LongProperty units() {
            return units;
        }

        /** What returning the picked units pays back. */
        public long amountFen() {
            return units.get() == 0 ? 0 : line.amountFor(units.get());
        }
    }

    private final ReturnService returns;
    private final RefundReceipts slips;
    private final TaskRunner tasks;
    private final Supplier<Session> session;
    private final ApprovalViewModel approvals;
    private final TillPrinter printer;
    private final Clock clock;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.NONE);
    private final StringProperty receiptNo = new SimpleStringProperty("");
    private final ObjectProperty<OriginalSale> sale = new SimpleObjectProperty<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final StringProperty quantity = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final ObjectProperty<Money> refund = new SimpleObjectProperty<>(Money.ZERO);
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final ObjectProperty<CompletedReturn> done = new SimpleObjectProperty<>();
    private final StringProperty slipText = new SimpleStringProperty("");
    private final ObjectProperty<Notice> printed = new SimpleObjectProperty<>();
    private final BooleanProperty working = new SimpleBooleanProperty(false);
    private final ObservableList<NoReceiptLine> noReceiptLines = FXCollections.observableArrayList();
    private final List<ReturnService.Pick> noReceiptPicks = new ArrayList<>();
    private final StringProperty item = new SimpleStringProperty("");
    private BooleanSupplier readyToRefund = () -> true;
    private Consumer<Notice> tillNotice = n -> { };
    private boolean syncing;

    public ReturnViewModel(ReturnService returns, RefundReceipts slips, TaskRunner tasks, Supplier<Session> session,
                           ApprovalViewModel approvals, TillPrinter printer, Clock clock) {
        this.returns = returns;
        this.slips = slips;
        this.tasks = tasks;
        this.session = session;
        this.approvals = approvals;
        this.printer = printer;
        this.clock = clock;
        selected.addListener((obs, old, index) -> showQuantity());
        quantity.addListener((obs, old, text) -> quantityTyped(text));
    }

    /** Asked before the screen opens: false keeps it closed (the shift feature asks for the float: no shift open). */
    public void useRefundCheck(BooleanSupplier check) {
        this.readyToRefund = check;
    }

    /** Where the till's notice line is told what happened. */
    public void onTillNotice(Consumer<Notice> notices) {
        this.tillNotice = notices;
    }

    public ReadOnlyObjectProperty<Step> step() {
        return step;
    }

    public StringProperty receiptNo() {
        return receiptNo;
    }

    public ReadOnlyObjectProperty<OriginalSale> sale() {
        return sale;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public IntegerProperty selected() {
        return selected;
    }

    /** The quantity to return of the selected line, as typed. */
    public StringProperty quantity() {
        return quantity;
    }

    public StringProperty reason() {
        return reason;
    }

    /** What the picked lines pay back. */
    public ReadOnlyObjectProperty<Money> refund() {
        return refund;
    }

    public ReadOnlyObjectProperty<Notice> notice() {
        return notice;
    }

    public ReadOnlyObjectProperty<CompletedReturn> done() {
        return done;
    }

    /** The refund slip as it prints. */
    public ReadOnlyStringProperty slipText() {
        return slipText;
    }

    public ReadOnlyObjectProperty<Notice> printed() {
        return printed;
    }

    public ReadOnlyBooleanProperty working() {
        return working;
    }

    public ApprovalViewModel approvals() {
        return approvals;
    }

    /** The goods of a return without a receipt, priced at today's prices. */
    public ObservableList<NoReceiptLine> noReceiptLines() {
        return noReceiptLines;
    }

    /** The item field of a return without a receipt: a barcode, PLU or scale label, optionally {@code xQTY}. */
    public StringProperty item() {
        return item;
    }

    /** F2 on the receipt step: a return without a receipt (a supervisor, a reason, cash). */
    public boolean withoutReceipt() {
        if (step.get() != Step.RECEIPT || working.get()) {
            return false;
        }
        clearSale();
        reason.set("");
        item.set("");
        notice.set(Notice.info("return.noReceipt.scan"));
        step.set(Step.NO_RECEIPT);
        return true;
    }

    /** Delete on the no-receipt step: removes the selected line (the last one when none is selected). */
    public void removeItem() {
        if (step.get() != Step.NO_RECEIPT || noReceiptLines.isEmpty()) {
            return;
        }
        int index = selected.get() < 0 || selected.get() >= noReceiptLines.size() ? noReceiptLines.size() - 1
                : selected.get();
        NoReceiptLine gone = noReceiptLines.get(index);
        List<ReturnService.Pick> kept = new ArrayList<>();
        for (ReturnService.Pick pick : noReceiptPicks) {
            List<NoReceiptLine> alone = returns.priceWithoutReceipt(List.of(pick));
            if (!sameLine(alone.get(0), gone)) {
                kept.add(pick);
            }
        }
        noReceiptPicks.clear();
        noReceiptPicks.addAll(kept);
        showNoReceipt(kept.isEmpty() ? List.of() : returns.priceWithoutReceipt(kept));
        selected.set(Math.min(index, noReceiptLines.size() - 1));
    }

    private static boolean sameLine(NoReceiptLine a, NoReceiptLine b) {
        return a.whole() ? b.whole() && a.barcode().equals(b.barcode()) : !b.whole() && a.productId() == b.productId();
    }

    private void addItem(String text) {
        Matcher m = ITEM.matcher(text.strip());
        if (!m.matches()) {
            notice.set(Notice.error("return.error.unknownItem", text.strip()));
            return;
        }
        List<ReturnService.Pick> candidate = new ArrayList<>(noReceiptPicks);
        candidate.add(new ReturnService.Pick(m.group(1), m.group(2) == null ? 1 : Long.parseLong(m.group(2))));
        working.set(true);
        tasks.run(() -> returns.priceWithoutReceipt(candidate), lines -> {
            working.set(false);
            noReceiptPicks.clear();
            noReceiptPicks.addAll(candidate);
            item.set("");
            showNoReceipt(lines);
            selected.set(lines.size() - 1);
            notice.set(Notice.info("return.noReceipt.scan"));
        }, this::failed);
    }

    private void showNoReceipt(List<NoReceiptLine> lines) {
        noReceiptLines.setAll(lines);
        refund.set(Money.ofFen(lines.stream().mapToLong(NoReceiptLine::amountFen).sum()));
    }

    private boolean confirmWithoutReceipt() {
        if (!item.get().isBlank()) {
            addItem(item.get());
            return true;
        }
        if (noReceiptLines.isEmpty()) {
            notice.set(Notice.error("return.error.noItems"));
            return false;
        }
        String why = reason.get().strip();
        if (why.isEmpty()) {
            notice.set(Notice.error("return.error.reasonNeeded"));
            return false;
        }
        Session operator = session.get();
        List<ReturnService.Pick> picks = List.copyOf(noReceiptPicks);
        List<RefundReceipts.ReturnedLine> lines = new ArrayList<>();
        for (NoReceiptLine line : noReceiptLines) {
            lines.add(new RefundReceipts.ReturnedLine(line.name(), line.units(), line.whole(), line.amountFen()));
        }
        Optional<ApprovalRequest> needed = returns.noReceiptApprovalNeeded(operator, refund.get(), why);
        if (needed.isPresent()) {
            step.set(Step.APPROVAL);
            approvals.ask(operator, needed.get(), approval -> {
                step.set(Step.NO_RECEIPT);
                refundWithoutReceipt(operator, picks, lines, why, Optional.of(approval));
            }, () -> {
                step.set(Step.NO_RECEIPT);
                notice.set(Notice.info("return.notApproved"));
            });
            return true;
        }
        refundWithoutReceipt(operator, picks, lines, why, Optional.empty());
        return true;
    }

    private void refundWithoutReceipt(Session operator, List<ReturnService.Pick> picks,
                                      List<RefundReceipts.ReturnedLine> lines, String why,
                                      Optional<Approval> approval) {
        working.set(true);
        notice.set(Notice.info("return.working"));
        tasks.run(() -> returns.refundWithoutReceipt(operator, picks, why, approval),
                completed -> finished(operator, completed, lines, why, approval), this::failed);
    }

    /** The return key: asks for the receipt (when a shift is open: refunds count in the shift's cash). */
    public void open() {
        if (step.get() != Step.NONE || !readyToRefund.getAsBoolean()) {
            return;
        }
        receiptNo.set("");
        reason.set("");
        clearSale();
        notice.set(Notice.info("return.scanReceipt"));
        step.set(Step.RECEIPT);
    }

    /**
     * A scan while the screen shows: on the receipt step it is the receipt's QR code; on the pick step an item's
     * barcode picks one more of it (or another receipt's number loads that one).
     */
    public void scanned(String code) {
        String value = code.strip();
        if (step.get() == Step.RECEIPT) {
            receiptNo.set(value);
            find();
        } else if (step.get() == Step.PICK) {
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                if (row.line().barcode().equals(value) && row.units().get() < row.line().unitsLeft()) {
                    selected.set(i);
                    quantity.set(Long.toString(row.units().get() + 1));
                    return;
                }
            }
            boolean onReceipt = rows.stream().anyMatch(r -> r.line().barcode().equals(value));
            if (onReceipt) {
                notice.set(Notice.error("return.error.exceeds", value, 0));
            } else if (value.matches("[A-Za-z0-9_-]+-\\d+")) {
                receiptNo.set(value);
                find();
            } else {
                notice.set(Notice.error("return.error.notOnReceipt", value));
            }
        } else if (step.get() == Step.NO_RECEIPT) {
            if (!working.get()) {
                addItem(value);
            }
        } else if (step.get() == Step.APPROVAL) {
            approvals.refuseScan();
        }
    }

    /** Enter: finds the receipt, refunds the picked lines, or closes the done screen. */
    public boolean confirm() {
        if (working.get()) {
            return false;
        }
        return switch (step.get()) {
            case RECEIPT -> find();
            case PICK -> confirmRefund();
            case NO_RECEIPT -> confirmWithoutReceipt();
            case APPROVAL -> approvals.confirm();
            case DONE -> close();
            case NONE -> false;
        };
    }

    /** Esc: back one step (the pick step to the receipt, else the till). */
    public boolean cancel() {
        if (working.get()) {
            return false;
        }
        switch (step.get()) {
            case APPROVAL -> {
                return approvals.cancel();
            }
            case PICK, NO_RECEIPT -> {
                clearSale();
                notice.set(Notice.info("return.scanReceipt"));
                step.set(Step.RECEIPT);
                return true;
            }
            case RECEIPT, DONE -> {
                return close();
            }
            case NONE -> {
                return false;
            }
        }
        return false;
    }

    public boolean close() {
        if (step.get() == Step.DONE && done.get() != null && done.get().receiptNo().isEmpty()) {
            tillNotice.accept(Notice.info("return.noReceipt.done.till",
                    Money.ofFen(done.get().amountFen()).toYuanString()));
        } else if (step.get() == Step.DONE && done.get() != null) {
            tillNotice.accept(Notice.info("return.done.till", done.get().receiptNo(),
                    Money.ofFen(done.get().amountFen()).toYuanString()));
        }
        step.set(Step.NONE);
        notice.set(null);
        return true;
    }

    /** ↑/↓ on the pick step. */
    public void move(int delta) {
        int size = step.get() == Step.NO_RECEIPT ? noReceiptLines.size() : rows.size();
        if (size == 0) {
            return;
        }
        int current = Math.max(0, selected.get());
        selected.set(Math.max(0, Math.min(size - 1, current + delta)));
    }

    /** Picks everything left of every line. */
    public void pickAll() {
        for (Row row : rows) {
            row.units().set(row.line().unitsLeft());
        }
        showQuantity();
        recompute();
    }

    private boolean find() {
        String number = receiptNo.get().strip();
        if (number.isEmpty()) {
            notice.set(Notice.error("return.receiptNeeded"));
            return false;
        }
        working.set(true);
        tasks.run(() -> returns.find(number), found -> {
            working.set(false);
            if (found.lines().stream().allMatch(l -> l.unitsLeft() == 0)) {
                notice.set(Notice.error("return.error.nothingLeft", found.receiptNo()));
                return;
            }
            sale.set(found);
            List<Row> shown = new ArrayList<>();
            found.lines().forEach(line -> shown.add(new Row(line)));
            shown.forEach(row -> row.units().addListener((obs, old, now) -> recompute()));
            rows.setAll(shown);
            int first = 0;
            while (first < shown.size() - 1 && shown.get(first).line().unitsLeft() == 0) {
                first++;
            }
            selected.set(-1);
            selected.set(first);
            recompute();
            notice.set(Notice.info("return.pick"));
            step.set(Step.PICK);
        }, this::failed);
        return true;
    }

    private boolean confirmRefund() {
        List<ReturnService.Pick> picks = new ArrayList<>();
        List<RefundReceipts.ReturnedLine> lines = new ArrayList<>();
        for (Row row : rows) {
            if (row.units().get() > 0) {
                picks.add(new ReturnService.Pick("#" + row.line().lineNo(), row.units().get()));
                boolean whole = row.line().weighed() || row.line().quantity() == 0;
                lines.add(new RefundReceipts.ReturnedLine(row.line().name(), row.units().get(), whole,
                        row.amountFen()));
            }
        }
        if (picks.isEmpty()) {
            notice.set(Notice.error("return.nothingPicked"));
            return false;
        }
        OriginalSale original = sale.get();
        Session operator = session.get();
        Optional<ApprovalRequest> needed = returns.approvalNeeded(operator, original, refund.get());
        if (needed.isPresent()) {
            step.set(Step.APPROVAL);
            approvals.ask(operator, needed.get(), approval -> {
                step.set(Step.PICK);
                refund(operator, original, picks, lines, Optional.of(approval));
            }, () -> {
                step.set(Step.PICK);
                notice.set(Notice.info("return.notApproved"));
            });
            return true;
        }
        refund(operator, original, picks, lines, Optional.empty());
        return true;
    }

    private void refund(Session operator, OriginalSale original, List<ReturnService.Pick> picks,
                        List<RefundReceipts.ReturnedLine> lines, Optional<Approval> approval) {
        String why = reason.get().strip();
        working.set(true);
        notice.set(Notice.info("return.working"));
        tasks.run(() -> returns.refund(operator, original.receiptNo(), picks, why, approval),
                completed -> finished(operator, completed, lines, why, approval), this::failed);
    }

    private void finished(Session operator, CompletedReturn completed, List<RefundReceipts.ReturnedLine> lines,
                          String why, Optional<Approval> approval) {
        working.set(false);
        done.set(completed);
        RefundReceipts.Details details = new RefundReceipts.Details(OffsetDateTime.now(clock).withNano(0),
                operator.recordedAs(), approval.map(a -> a.approver().number()).orElse(""), why);
        slipText.set(slips.text(completed, lines, details, printer.paper()));
        boolean cash = completed.tenders().stream().anyMatch(t -> t.method() == TenderMethod.CASH);
        String what = completed.receiptNo().isEmpty() ? "refund without receipt" : "refund " + completed.receiptNo();
        boolean queued = printer.print("R-" + completed.txnId(), what,
                paper -> slips.encode(completed, lines, details, paper, false), cash);
        printed.set(queued ? Notice.info("return.printing") : Notice.error("return.noPrinter"));
        notice.set(cashNotice(completed));
        step.set(Step.DONE);
    }

    /** What the cashier must do now: hand back cash, or nothing (the bank refunds a code, the card terminal a card). */
    private static Notice cashNotice(CompletedReturn completed) {
        long cash = 0;
        for (EntryTender tender : completed.tenders()) {
            if (tender.method() == TenderMethod.CASH) {
                cash += tender.amountFen();
            }
        }
        return cash > 0 ? Notice.info("return.done.cash", Money.ofFen(cash).toYuanString())
                : Notice.info("return.done.other");
    }

    private void clearSale() {
        sale.set(null);
        rows.clear();
        noReceiptLines.clear();
        noReceiptPicks.clear();
        item.set("");
        selected.set(-1);
        quantity.set("");
        refund.set(Money.ZERO);
        done.set(null);
        slipText.set("");
        printed.set(null);
    }

    private void showQuantity() {
        int index = selected.get();
        syncing = true;
        try {
            long units = index < 0 || index >= rows.size() ? 0 : rows.get(index).units().get();
            quantity.set(units == 0 ? "" : Long.toString(units));
        } finally {
            syncing = false;
        }
    }

    private void quantityTyped(String text) {
        int index = selected.get();
        if (syncing || index < 0 || index >= rows.size()) {
            return;
        }
        Row row = rows.get(index);
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            row.units().set(0);
            return;
        }
        if (!typed.matches("\\d{1,6}")) {
            notice.set(Notice.error("return.quantityInvalid", typed));
            return;
        }
        long units = Long.parseLong(typed);
        if (units > row.line().unitsLeft()) {
            notice.set(Notice.error("return.error.exceeds", row.line().name(), row.line().unitsLeft()));
            row.units().set(row.line().unitsLeft());
            return;
        }
        row.units().set(units);
        notice.set(Notice.info("return.pick"));
    }

    private void recompute() {
        long fen = 0;
        for (Row row : rows) {
            fen += row.amountFen();
        }
        refund.set(Money.ofFen(fen));
    }

    private void failed(Exception failure) {
        working.set(false);
        if (failure instanceof ReturnException refused) {
            notice.set(Notice.error(refused.key(), refused.args()));
        } else if (failure instanceof AccessDeniedException denied) {
            notice.set(OperatorNotices.denied(denied));
        } else {
            notice.set(Notice.error("return.failed", String.valueOf(failure.getMessage())));
        }
    }
}
