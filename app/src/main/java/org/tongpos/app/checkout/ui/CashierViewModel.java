package org.tongpos.app.checkout.ui;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.service.CatalogService;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.domain.ScanOutcome;
import org.tongpos.app.checkout.domain.SellingStoppedException;
import org.tongpos.app.checkout.service.CheckoutService;
import org.tongpos.app.checkout.service.VoidService;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.ApprovalRequest;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.Approval;
import org.tongpos.app.operators.ui.ApprovalViewModel;
import org.tongpos.app.operators.ui.OperatorNotices;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.TaskRunner;
import org.tongpos.hardware.scale.WeighResult;
import org.tongpos.hardware.scanner.ScanClassification;
import org.tongpos.hardware.scanner.ScanClassifier;

/**
 * State and decisions of the cashier screen: the sale in progress, which dialog is open, what each action does in
 * each mode, and the message for the cashier. The view only shows this state and forwards keys and clicks.
 *
 * <p>Every service call carries the session of the operator at the till (the cashier of record); voids above the
 * configured amount ask a supervisor there and then ({@link ApprovalViewModel}), and every void is in the audit log
 * before the line leaves the cart.
 */
public final class CashierViewModel {

    /** What the quantity/weight dialog is asking for: a new weighed line, or a new quantity for a line. */
    public record Entry(Product product, int lineIndex, boolean weight, String initialText) {
        public boolean isNewLine() {
            return lineIndex < 0;
        }
    }

    private final CheckoutService checkout;
    private final TaskRunner tasks;
    private final Supplier<Session> session;
    private final VoidService voids;
    private final ApprovalViewModel approvals;
    private final Cart cart = new Cart();
    private final ObservableList<CartLine> lines = FXCollections.observableArrayList();
    private final ObservableList<CartLine> readOnlyLines = FXCollections.unmodifiableObservableList(lines);
    private final ObjectProperty<Money> total = new SimpleObjectProperty<>(Money.ZERO);
    private final LongProperty itemCount = new SimpleLongProperty(0);
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final ObjectProperty<CashierMode> mode = new SimpleObjectProperty<>(CashierMode.SCANNING);
    private final StringProperty code = new SimpleStringProperty("");
    private final ProductSearchViewModel search;
    private final ObjectProperty<Entry> entry = new SimpleObjectProperty<>();
    private final StringProperty entryText = new SimpleStringProperty("");
    private final ObjectProperty<Notice> entryNotice = new SimpleObjectProperty<>();
    private final ObjectProperty<PaymentViewModel> payment = new SimpleObjectProperty<>();
    private final ObjectProperty<CompletedSale> completedSale = new SimpleObjectProperty<>();
    private final ScanClassifier classifier = new ScanClassifier();
    private TillDevices devices = TillDevices.NONE;
    private CodeTill codes;
    private final CartPromotionsViewModel promotions;
    private java.util.function.BooleanSupplier readyToSell = () -> true;
    private java.time.Clock clock = java.time.Clock.systemUTC();
    /** When the sale's first line went in (the void time rule counts from it); null while the sale is empty. */
    private java.time.Instant saleBegan;
    /** The line a void reason is being asked for (null: the whole sale, in CONFIRM_CLEAR). */
    private CartLine voidingLine;
    private final StringProperty voidReason = new SimpleStringProperty("");
    private final ObjectProperty<Notice> voidNotice = new SimpleObjectProperty<>();

    /**
     * @param session   the operator at the till now (the window's log-in); asked at each act
     * @param approvals the approval prompt, shown while the mode is {@link CashierMode#APPROVAL}
     */
    public CashierViewModel(CheckoutService checkout, CatalogService catalog, TaskRunner tasks,
                            Supplier<Session> session, VoidService voids, ApprovalViewModel approvals) {
        this.checkout = checkout;
        this.tasks = tasks;
        this.session = session;
        this.voids = voids;
        this.approvals = approvals;
        this.search = new ProductSearchViewModel(catalog);
        this.promotions = new CartPromotionsViewModel(checkout, tasks);
    }

    /** The cart's promotions and the sale's member (the total is what they leave to pay). */
    public CartPromotionsViewModel promotions() {
        return promotions;
    }

    /** The approval prompt the screen shows in {@link CashierMode#APPROVAL}. */
    public ApprovalViewModel approvals() {
        return approvals;
    }

    /** The devices that follow the sale (display, printer, drawer, scale); none unless set. */
    public void useDevices(TillDevices tillDevices) {
        this.devices = tillDevices;
    }

    /** The terminal's clock: a void long after the sale began needs a supervisor ({@code void.approval-after-minutes}). */
    public void useClock(java.time.Clock terminalClock) {
        this.clock = terminalClock;
    }

    /** Why a line is removed or the sale cleared, as typed (a number picks a listed reason in the dialog). */
    public StringProperty voidReason() {
        return voidReason;
    }

    /** What the void-reason dialog says (a reason is missing). */
    public ReadOnlyObjectProperty<Notice> voidNotice() {
        return voidNotice;
    }

    /** The line whose removal the reason dialog asks about; null when it asks about clearing the sale. */
    public CartLine voidingLine() {
        return voidingLine;
    }

    /** Lets the payment step take payment codes through the bank; cash only until this is set. */
    public void useCodePayments(CodeTill till) {
        this.codes = till;
    }

    TillDevices devices() {
        return devices;
    }

    // ---- for the features beside the till (shifts, suspend and resume): see docs/till.md ----

    /**
     * Asked before the payment step opens: false keeps the sale as it is (the shift feature asks for the opening
     * float then: selling needs an open shift).
     */
    public void useSaleCheck(java.util.function.BooleanSupplier check) {
        this.readyToSell = check;
    }

    /** The sale in progress as a copy, when the till is scanning and the sale has lines (what suspending takes). */
    public Optional<Cart> saleInProgress() {
        if (mode.get() != CashierMode.SCANNING || cart.isEmpty()) {
            return Optional.empty();
        }
        Cart copy = new Cart();
        cart.lines().forEach(copy::append);
        return Optional.of(copy);
    }

    /** True while the till is scanning, with no dialog of its own open: the features' keys may act then. */
    public boolean isScanning() {
        return mode.get() == CashierMode.SCANNING;
    }

    /** True when the till is scanning with an empty sale: a suspended sale can come back into it. */
    public boolean canTakeSale() {
        return mode.get() == CashierMode.SCANNING && cart.isEmpty();
    }

    /** The sale was put aside elsewhere (suspended): the till starts an empty one and says {@code what}. */
    public void saleSetAside(Notice what) {
        cart.clear();
        promotions.saleEnded();
        saleBegan = null;
        refresh();
        selected.set(-1);
        devices.saleEnded();
        notice.set(what);
    }

    /**
     * A sale comes back into the empty till (resumed), its lines as given; false when the till is not scanning an
     * empty sale (nothing changes then).
     */
    public boolean takeSale(Cart sale, Notice what) {
        if (!canTakeSale()) {
            return false;
        }
        sale.lines().forEach(cart::append);
        saleBegan = cart.isEmpty() ? null : clock.instant();
        refresh();
        selected.set(cart.isEmpty() ? -1 : cart.size() - 1);
        if (!cart.isEmpty()) {
            devices.cartChanged(cart.total());
        }
        notice.set(what);
        return true;
    }

    public ObservableList<CartLine> lines() {
        return readOnlyLines;
    }

    public ReadOnlyObjectProperty<Money> total() {
        return total;
    }

    public ReadOnlyLongProperty itemCount() {
        return itemCount;
    }

    /** The selected cart line, -1 for none; the table and the keys both move it. */
    public IntegerProperty selected() {
        return selected;
    }

    public ObjectProperty<Notice> notice() {
        return notice;
    }

    public ReadOnlyObjectProperty<CashierMode> mode() {
        return mode;
    }

    /** The code typed by hand into the code field. */
    public StringProperty code() {
        return code;
    }

    public ProductSearchViewModel search() {
        return search;
    }

    public ReadOnlyObjectProperty<Entry> entry() {
        return entry;
    }

    public StringProperty entryText() {
        return entryText;
    }

    public ReadOnlyObjectProperty<Notice> entryNotice() {
        return entryNotice;
    }

    public ReadOnlyObjectProperty<PaymentViewModel> payment() {
        return payment;
    }

    public ReadOnlyObjectProperty<CompletedSale> completedSale() {
        return completedSale;
    }

    /** Runs an action in the current mode; returns false when the action means nothing there (the key is not used). */
    public boolean perform(CashierAction action) {
        return switch (mode.get()) {
            case SCANNING -> performScanning(action);
            case SEARCH -> switch (action) {
                case SELECT_UP -> move(() -> search.move(-1));
                case SELECT_DOWN -> move(() -> search.move(1));
                case CANCEL -> backToScanning();
                default -> false;
            };
            case PAYMENT -> action == CashierAction.CANCEL && (payment.get().cancelCode()
                    || payment.get().leaveCard() || !payment.get().working().get() && backToScanning());
            case RECEIPT -> action == CashierAction.CANCEL && nextSale();
            case APPROVAL -> action == CashierAction.CANCEL && approvals.cancel();
            case ENTRY, CONFIRM_CLEAR, VOID_REASON, SETTINGS -> action == CashierAction.CANCEL && backToScanning();
        };
    }

    private boolean performScanning(CashierAction action) {
        switch (action) {
            case SEARCH -> {
                search.reset();
                mode.set(CashierMode.SEARCH);
            }
            case QUANTITY -> openQuantity();
            case REMOVE -> removeSelected();
            case CLEAR -> {
                if (cart.isEmpty()) {
                    notice.set(Notice.error("checkout.notice.cartEmpty"));
                } else {
                    voidingLine = null;
                    voidReason.set("");
                    voidNotice.set(null);
                    mode.set(CashierMode.CONFIRM_CLEAR);
                }
            }
            case SETTINGS -> {
                if (denied(Permission.CHANGE_SETTINGS)) {
                    return true;
                }
                notice.set(null);
                mode.set(CashierMode.SETTINGS);
            }
            case CASH -> openPayment();
            case MEMBER -> promotions.memberKey(code.get(), notice::set, () -> code.set(""), () -> {
                refresh();
                devices.cartChanged(total.get());
            });
            case CANCEL -> {
                code.set("");
                notice.set(null);
            }
            case SELECT_UP -> moveSelection(-1);
            case SELECT_DOWN -> moveSelection(1);
        }
        return true;
    }

    /**
     * The till's card reader read a card: a bank card's masked number goes to the payment step when it shows; a
     * member card's UID while scanning makes its holder the sale's member (as F6 with the UID typed).
     */
    public void cardRead(java.util.Optional<String> maskedBankCard, java.util.Optional<String> uid) {
        if (mode.get() == CashierMode.PAYMENT && payment.get() != null && maskedBankCard.isPresent()) {
            payment.get().cardRead(maskedBankCard.get());
        } else if (mode.get() == CashierMode.SCANNING && maskedBankCard.isEmpty() && uid.isPresent()) {
            // a card that is no member's (a canteen meal card, say) is passed over quietly
            promotions.memberKey(uid.get(), n -> {
                if (!n.isError()) {
                    notice.set(n);
                }
            }, () -> { }, () -> {
                refresh();
                devices.cartChanged(total.get());
            });
        }
    }

    /** A code from the scanner, whatever the screen was doing: it goes into the cart unless a payment is running. */
    public void scanned(String scannedCode) {
        switch (mode.get()) {
            case PAYMENT -> {
                payment.get().scanned(scannedCode);
                return;
            }
            case SETTINGS -> {
                notice.set(Notice.error("checkout.notice.scanDuringSettings"));
                return;
            }
            case APPROVAL -> {
                approvals.refuseScan();
                return;
            }
            case RECEIPT -> nextSale();
            case SEARCH, ENTRY, CONFIRM_CLEAR, VOID_REASON -> backToScanning();
            case SCANNING -> {
            }
        }
        addCode(scannedCode);
    }

    /** Enter in the code field: the code typed by hand, as if scanned. */
    public void enterCode() {
        if (code.get().isBlank()) {
            return;
        }
        if (addCode(code.get())) {
            code.set("");
        }
    }

    private boolean addCode(String value) {
        if (refusedAsNotGoods(value)) {
            return false;
        }
        ScanOutcome outcome = checkout.scan(cart, value);
        if (outcome instanceof ScanOutcome.Goods goods) {
            lineAdded(goods.line().product());
            return true;
        }
        if (outcome instanceof ScanOutcome.NeedsWeight weighed) {
            askWeight(weighed.product());
            return true;
        }
        if (outcome instanceof ScanOutcome.Unknown unknown) {
            notice.set(Notice.error("scan.unknown", unknown.code()));
        } else if (outcome instanceof ScanOutcome.Malformed malformed) {
            notice.set(Notice.error("scan.malformed", malformed.code()));
        }
        return false;
    }

    /** Enter in the search dialog: the selected product goes into the cart (a weighed one asks for its weight). */
    public void addSearchResult() {
        if (search.chosen().isEmpty()) {
            return;
        }
        Product product = search.chosen().get();
        mode.set(CashierMode.SCANNING);
        if (product.isWeighed()) {
            askWeight(product);
            return;
        }
        cart.addPieces(product, 1);
        lineAdded(product);
    }

    /**
     * Payment codes and diner QR codes are never goods: they are refused here, with what they are, whatever scanner
     * or hand typed them. Paying by code comes with the payment feature.
     */
    private boolean refusedAsNotGoods(String value) {
        ScanClassification kind = classifier.classify(value.strip());
        switch (kind.kind()) {
            case PAYMENT_CODE -> {
                Notice.Key provider = switch (kind.provider().orElseThrow()) {
                    case WECHAT -> new Notice.Key("scan.provider.wechat");
                    case ALIPAY -> new Notice.Key("scan.provider.alipay");
                    case UNIONPAY -> new Notice.Key("scan.provider.unionpay");
                };
                notice.set(Notice.error("scan.paymentCode", provider));
                return true;
            }
            case DINER_CODE -> {
                notice.set(Notice.error("scan.dinerCode"));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** A weighed product: the scale's stable reading when there is a scale, else the cashier types the weight. */
    private void askWeight(Product product) {
        Optional<WeighResult> reading = devices.weigh();
        if (reading.isPresent() && reading.get() instanceof WeighResult.Weighed weighed) {
            cart.append(CartLine.weighed(product, weighed.grams()));
            lineAdded(product);
            return;
        }
        if (reading.isPresent() && reading.get() instanceof WeighResult.Refused refused) {
            Notice why = switch (refused.reason()) {
                case UNSTABLE -> Notice.error("checkout.scale.unstable", product.name());
                case NEGATIVE -> Notice.error("checkout.scale.negative", product.name());
                case ZERO -> Notice.error("checkout.scale.zero", product.name());
                case OVERLOAD -> Notice.error("checkout.scale.overload", product.name());
                case NO_READING, STALE, DEVICE_ERROR -> null;
            };
            if (why != null) {
                notice.set(why);
                return;
            }
            // the scale is not working: the sale goes on with a weight typed by hand
            openEntry(new Entry(product, -1, true, ""));
            entryNotice.set(Notice.error("checkout.scale.unavailable", switch (refused.reason()) {
                case NO_READING -> new Notice.Key("devices.reason.scaleNoReading");
                case STALE -> new Notice.Key("devices.reason.scaleStale");
                // the fault itself (a serial port, say) shows on the scale's status in the status bar
                default -> new Notice.Key("devices.reason.scaleFault");
            }));
            return;
        }
        openEntry(new Entry(product, -1, true, ""));
    }

    private void openQuantity() {
        int index = selected.get();
        if (index < 0 || index >= cart.size()) {
            notice.set(Notice.error("checkout.notice.nothingSelected"));
            return;
        }
        CartLine line = cart.line(index);
        if (line.quantity() == 0) {
            notice.set(Notice.error("checkout.notice.scalePricedQuantity"));
            return;
        }
        String current = line.isWeighed() ? QuantityText.kilograms(line.quantity()) : Long.toString(line.quantity());
        openEntry(new Entry(line.product(), index, line.isWeighed(), current));
    }

    private void openEntry(Entry request) {
        entry.set(request);
        entryText.set(request.initialText());
        entryNotice.set(null);
        mode.set(CashierMode.ENTRY);
    }

    /** Enter in the quantity/weight dialog. Returns false (with a message in the dialog) when the text is not valid. */
    public boolean confirmEntry() {
        Entry request = entry.get();
        if (mode.get() != CashierMode.ENTRY || request == null) {
            return false;
        }
        OptionalLong value = request.weight() ? QuantityText.grams(entryText.get())
                : QuantityText.pieces(entryText.get());
        if (value.isEmpty()) {
            entryNotice.set(request.weight()
                    ? Notice.error("checkout.weight.invalid", QuantityText.kilograms(QuantityText.MAX_GRAMS))
                    : Notice.error("checkout.quantity.invalid", QuantityText.MAX_PIECES));
            return false;
        }
        mode.set(CashierMode.SCANNING);
        if (request.isNewLine()) {
            cart.append(CartLine.weighed(request.product(), value.getAsLong()));
            lineAdded(request.product());
        } else {
            cart.changeQuantity(request.lineIndex(), value.getAsLong());
            refresh();
            devices.cartChanged(total.get());
            selected.set(request.lineIndex());
            notice.set(Notice.info("checkout.notice.quantityChanged", request.product().name(),
                    CartLineText.measured(cart.line(request.lineIndex()))));
        }
        entry.set(null);
        return true;
    }

    /** Removing the selected line: recorded as a void (approved first when above the limit), then removed. */
    private void removeSelected() {
        int index = selected.get();
        if (index < 0 || index >= cart.size()) {
            notice.set(Notice.error("checkout.notice.nothingSelected"));
            return;
        }
        voidingLine = cart.line(index);
        voidReason.set("");
        voidNotice.set(null);
        notice.set(null);
        mode.set(CashierMode.VOID_REASON);
    }

    /**
     * Enter in the void-reason dialog: the selected line is removed with the reason typed (approved first when above
     * the limit, or when the sale began too long ago). Returns false (saying why) when no reason was given.
     */
    public boolean confirmVoidReason() {
        if (mode.get() != CashierMode.VOID_REASON || voidingLine == null) {
            return false;
        }
        String reason = voidReason.get().strip();
        if (reason.isEmpty()) {
            voidNotice.set(Notice.error("checkout.void.reasonNeeded"));
            return false;
        }
        CartLine line = voidingLine;
        voidingLine = null;
        mode.set(CashierMode.SCANNING);
        Session operator = session.get();
        java.time.Duration since = sinceSaleBegan();
        Optional<ApprovalRequest> needed = voids.approvalNeeded(operator, line, since);
        if (needed.isPresent()) {
            askApproval(operator, needed.get(), approval -> voidLine(operator, line, Optional.of(approval), reason,
                    since));
            return true;
        }
        voidLine(operator, line, Optional.empty(), reason, since);
        return true;
    }

    private java.time.Duration sinceSaleBegan() {
        return saleBegan == null ? java.time.Duration.ZERO : java.time.Duration.between(saleBegan, clock.instant());
    }

    private void voidLine(Session operator, CartLine line, Optional<Approval> approval, String reason,
                          java.time.Duration since) {
        tasks.run(() -> {
            voids.voidLine(operator, line, approval, reason, since);
            return null;
        }, done -> {
            int index = cart.lines().indexOf(line);
            if (index < 0) {
                notice.set(Notice.error("checkout.void.lineChanged", line.product().name()));
                return;
            }
            cart.remove(index);
            if (cart.isEmpty()) {
                saleBegan = null;
            }
            refresh();
            devices.cartChanged(total.get());
            selected.set(cart.isEmpty() ? -1 : Math.min(index, cart.size() - 1));
            notice.set(approval.isPresent()
                    ? Notice.info("checkout.notice.removedApproved", line.product().name(),
                            approval.get().approver().number())
                    : Notice.info("checkout.notice.removed", line.product().name()));
        }, this::voidFailed);
    }

    /** Enter in the clear-sale confirmation: recorded as a void (approved first when above the limit), then cleared. */
    public void confirmClear() {
        if (mode.get() != CashierMode.CONFIRM_CLEAR) {
            return;
        }
        String reason = voidReason.get().strip();
        if (reason.isEmpty()) {
            voidNotice.set(Notice.error("checkout.void.reasonNeeded"));
            return;
        }
        Cart snapshot = new Cart();
        cart.lines().forEach(snapshot::append);
        Session operator = session.get();
        java.time.Duration since = sinceSaleBegan();
        Optional<ApprovalRequest> needed = voids.approvalNeeded(operator, snapshot, since);
        if (needed.isPresent()) {
            askApproval(operator, needed.get(), approval -> voidSale(operator, snapshot, Optional.of(approval),
                    reason, since));
            return;
        }
        mode.set(CashierMode.SCANNING);
        voidSale(operator, snapshot, Optional.empty(), reason, since);
    }

    private void voidSale(Session operator, Cart snapshot, Optional<Approval> approval, String reason,
                          java.time.Duration since) {
        tasks.run(() -> {
            voids.voidSale(operator, snapshot, approval, reason, since);
            return null;
        }, done -> {
            saleBegan = null;
            cart.clear();
            promotions.saleEnded();
            refresh();
            selected.set(-1);
            notice.set(approval.isPresent()
                    ? Notice.info("checkout.notice.clearedApproved", approval.get().approver().number())
                    : Notice.info("checkout.notice.cleared"));
            devices.saleEnded();
        }, this::voidFailed);
    }

    /** Shows the approval prompt; back to scanning when it is given (then {@code granted}) or cancelled. */
    private void askApproval(Session operator, ApprovalRequest request, java.util.function.Consumer<Approval> granted) {
        notice.set(null);
        mode.set(CashierMode.APPROVAL);
        approvals.ask(operator, request, approval -> {
            mode.set(CashierMode.SCANNING);
            granted.accept(approval);
        }, () -> {
            mode.set(CashierMode.SCANNING);
            notice.set(Notice.info("checkout.void.notApproved"));
        });
    }

    private void voidFailed(Exception failure) {
        notice.set(failure instanceof AccessDeniedException denied ? OperatorNotices.denied(denied)
                : Notice.error("checkout.void.failed", String.valueOf(failure.getMessage())));
    }

    /** True (with the reason shown) when the operator at the till may not do it. */
    private boolean denied(Permission permission) {
        try {
            session.get().require(permission);
            return false;
        } catch (AccessDeniedException e) {
            notice.set(OperatorNotices.denied(e));
            return true;
        }
    }

    private void openPayment() {
        if (cart.isEmpty()) {
            notice.set(Notice.error("checkout.notice.cartEmpty"));
            return;
        }
        if (denied(Permission.SELL) || !readyToSell.getAsBoolean()) {
            return;
        }
        Cart snapshot = new Cart();
        cart.lines().forEach(snapshot::append);
        PaymentViewModel step = new PaymentViewModel(checkout, tasks, snapshot, session.get(), this::paid,
                promotions.customer());
        if (codes != null) {
            step.acceptCodes(codes);
        }
        payment.set(step);
        mode.set(CashierMode.PAYMENT);
        devices.totalDue(total.get());
    }

    private void paid(CompletedSale sale) {
        devices.paid(sale);
        completedSale.set(sale);
        payment.set(null);
        mode.set(CashierMode.RECEIPT);
        showSellingStopped();
    }

    /** Selling has stopped (a sale the database could not take, a failing disk): the cashier must see it. */
    private void showSellingStopped() {
        checkout.sellingStopped().ifPresent(stopped -> notice.set(stopNotice(stopped)));
    }

    /** What the cashier is told while selling is stopped. */
    static Notice stopNotice(SellingStoppedException stopped) {
        return Notice.error("checkout.stopped." + stopped.state().name(), stopped.receiptNo());
    }

    /** Starts the next sale after a receipt: an empty cart, ready to scan. */
    public boolean nextSale() {
        if (mode.get() != CashierMode.RECEIPT) {
            return false;
        }
        cart.clear();
        promotions.saleEnded();
        saleBegan = null;
        refresh();
        selected.set(-1);
        completedSale.set(null);
        notice.set(null);
        mode.set(CashierMode.SCANNING);
        devices.saleEnded();
        showSellingStopped();
        return true;
    }

    /** Prints the last receipt again (a customer's copy, or after the printer failed). */
    public void reprintLast() {
        notice.set(devices.reprintLast() ? Notice.info("checkout.notice.reprinting")
                : Notice.error("checkout.notice.nothingToReprint"));
    }

    /** The settings dialog closed (saved or not). */
    public void settingsClosed() {
        if (mode.get() == CashierMode.SETTINGS) {
            mode.set(CashierMode.SCANNING);
        }
    }

    private boolean backToScanning() {
        payment.set(null);
        entry.set(null);
        mode.set(CashierMode.SCANNING);
        return true;
    }

    private void moveSelection(int delta) {
        if (cart.isEmpty()) {
            return;
        }
        int current = selected.get() < 0 ? (delta < 0 ? cart.size() : -1) : selected.get();
        selected.set(Math.max(0, Math.min(cart.size() - 1, current + delta)));
    }

    private static boolean move(Runnable step) {
        step.run();
        return true;
    }

    private void lineAdded(Product product) {
        if (saleBegan == null) {
            saleBegan = clock.instant();
        }
        refresh();
        devices.itemAdded(cart.line(cart.size() - 1), total.get());
        selected.set(cart.size() - 1);
        notice.set(Notice.info("checkout.notice.added", product.name()));
    }

    private void refresh() {
        promotions.reprice(cart);
        lines.setAll(cart.lines());
        total.set(promotions.payable());
        itemCount.set(cart.itemCount());
    }
}
