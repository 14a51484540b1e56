package org.tongpos.app.canteen.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.canteen.domain.DinerAccount;
import org.tongpos.app.canteen.domain.DinerQrCode;
import org.tongpos.app.canteen.domain.Dish;
import org.tongpos.app.canteen.domain.DinerSource;
import org.tongpos.app.canteen.domain.IdentifiedBy;
import org.tongpos.app.canteen.domain.MealOrder;
import org.tongpos.app.canteen.domain.MealPeriod;
import org.tongpos.app.canteen.domain.MealRules;
import org.tongpos.app.canteen.domain.PriceRule;
import org.tongpos.app.canteen.service.CanteenServices;
import org.tongpos.app.canteen.service.MealRequest;
import org.tongpos.app.canteen.service.RuleProblem;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.ApprovalRequest;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.service.Approval;
import org.tongpos.app.operators.ui.ApprovalViewModel;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.TaskRunner;

/**
 * The canteen's serving line: every identification (a scanned diner QR code, a meal card, a face terminal's event, a
 * guest approval, a cash walk-in) becomes one meal asked of the meal commit, on the task runner (never on the FX
 * thread), and its outcome becomes the {@link #result() result} the screen shows in green or red. The result of a
 * served meal is set only after the commit returned, that is after the MEAL entry is on disk. Continuous: the next
 * identification needs no key; identifications that come while one is being recorded are recorded after it, in
 * order (the runner's one thread). The session's permissions are checked here for the screen's sake (an auditor
 * sees the line and its counts and is told that it cannot charge) and again in the services, which are the guard.
 */
public final class ServingLineViewModel {

    /** How many diners the screen lists below the result. */
    public static final int RECENT = 8;

    /** The AIM symbology identifier of a QR code, which scanners may send in front of the code. */
    private static final String QR_AIM = "]Q1";

    private static final Logger LOG = LoggerFactory.getLogger(ServingLineViewModel.class);

    /** The meal period served now, its prices by diner type, and the counts of the day. */
    public record Header(Optional<MealPeriod> period, List<PriceRule> prices, long servedInPeriod,
                         long servedToday, long manualToday, List<Dish> menu) {
        public static final Header EMPTY = new Header(Optional.empty(), List.of(), 0, 0, 0, List.of());
    }

    /**
     * The dishes typed for the next meal ({@link #dishes()}) against the period's menu: the dishes found in order, and
     * the numbers not on the menu.
     */
    public record Picked(List<Dish> dishes, List<Integer> unknown) {
        public Money total() {
            return dishes.stream().map(Dish::price).reduce(Money.ZERO, Money::plus);
        }
    }

    /** What the typed dish numbers pick from the menu now (empty when nothing, or not numbers, is typed). */
    public Optional<Picked> picked() {
        Optional<MealOrder> order = order();
        if (order.isEmpty() || order.get().dishes().isEmpty()) {
            return Optional.empty();
        }
        List<Dish> menu = header.get().menu();
        List<Dish> found = new ArrayList<>();
        List<Integer> unknown = new ArrayList<>();
        for (int number : order.get().dishes()) {
            menu.stream().filter(d -> d.number() == number).findFirst().ifPresentOrElse(found::add,
                    () -> unknown.add(number));
        }
        return Optional.of(new Picked(found, unknown));
    }

    private final CanteenServices canteen;
    private final TaskRunner tasks;
    private final Supplier<Session> session;
    private final Clock clock;
    private final ObjectProperty<ServingResult> result = new SimpleObjectProperty<>();
    private final ObservableList<ServingResult> recent = FXCollections.observableArrayList();
    private final ObservableList<ServingResult> recentShown = FXCollections.unmodifiableObservableList(recent);
    private final ObjectProperty<Header> header = new SimpleObjectProperty<>(Header.EMPTY);
    private final LongProperty servedHere = new SimpleLongProperty();
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final StringProperty dishes = new SimpleStringProperty("");
    private final List<Runnable> onResult = new ArrayList<>();
    private int pending;
    private final BooleanProperty working = new SimpleBooleanProperty();
    private final ApprovalViewModel approvals;
    private final ObservableList<DinerAccount> matches = FXCollections.observableArrayList();
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();

    /**
     * @param session the operator at the line (called on the FX thread, when an identification arrives)
     * @param clock   in the terminal's business zone
     */
    public ServingLineViewModel(CanteenServices canteen, TaskRunner tasks, Supplier<Session> session, Clock clock) {
        this(canteen, tasks, session, clock, null);
    }

    /**
     * @param approvals the approval prompt for acts the operator may not do alone (a diner picked by hand, a meal
     *                  refund): a supervisor approves with number and PIN; null: such acts are refused
     */
    public ServingLineViewModel(CanteenServices canteen, TaskRunner tasks, Supplier<Session> session, Clock clock,
                                ApprovalViewModel approvals) {
        this.approvals = approvals;
        this.canteen = canteen;
        this.tasks = tasks;
        this.session = session;
        this.clock = clock;
    }

    /** The last diner's outcome (null before the first). */
    public ReadOnlyObjectProperty<ServingResult> result() {
        return result;
    }

    /** The last {@value #RECENT} outcomes, newest first. */
    public ObservableList<ServingResult> recent() {
        return recentShown;
    }

    public ReadOnlyObjectProperty<Header> header() {
        return header;
    }

    /** Meals served on this screen since it opened. */
    public ReadOnlyLongProperty servedHere() {
        return servedHere;
    }

    /** True when the operator may not charge meals (an auditor): the screen says so and charges nothing. */
    public ReadOnlyBooleanProperty readOnly() {
        return readOnly;
    }

    /** True while identifications are being decided and recorded. */
    public ReadOnlyBooleanProperty working() {
        return working;
    }

    /** Dish numbers typed for the next meal ("1 4 4"), for periods priced by dish; cleared once a meal is served. */
    public StringProperty dishes() {
        return dishes;
    }

    /** The approval prompt (null when none was given). */
    public ApprovalViewModel approvals() {
        return approvals;
    }

    /** Diners found by {@link #search}: diner id, staff number, name or pinyin initials. */
    public ObservableList<DinerAccount> matches() {
        return matches;
    }

    /** What the line says about an act that is not a meal (a refund done, a reason missing); null when nothing. */
    public ReadOnlyObjectProperty<Notice> notice() {
        return notice;
    }

    /** Forgets what the line said about the last act (a dialog opens or closes). */
    public void clearNotice() {
        notice.set(null);
    }

    /** Whether the operator sees the count of diners picked by hand today (supervisors, managers, auditors). */
    public boolean seesManualCount() {
        try {
            Session s = session.get();
            return s.may(Permission.MANUAL_IDENTIFICATION) || s.may(Permission.READ_REPORTS);
        } catch (IllegalStateException nobody) {
            return false;
        }
    }

    /** Searches the diners (off the FX thread) for a pick by hand; {@link #matches()} gets the result. */
    public void search(String text) {
        notice.set(null);
        tasks.run(() -> canteen.diners().find(text), found -> {
            matches.setAll(found);
            if (found.isEmpty()) {
                notice.set(Notice.error("serving.manual.none", text.strip()));
            }
        }, failure -> notice.set(Notice.error("serving.failed", String.valueOf(failure.getMessage()))));
    }

    /**
     * Serves a diner picked by hand after a search, only with a reason; recorded and counted (the manual
     * identification, its audit record). An operator without {@link Permission#MANUAL_IDENTIFICATION} is asked for
     * a supervisor's approval in place. Returns false (saying why) when nothing was started.
     */
    public boolean identifyByHand(DinerAccount diner, String reason) {
        if (reason == null || reason.isBlank()) {
            notice.set(Notice.error("serving.manual.reasonRequired"));
            return false;
        }
        if (!mayServe()) {
            readOnly.set(true);
            notice.set(Notice.error("serving.readOnly"));
            return false;
        }
        notice.set(null);
        DinerSource source = new DinerSource.Manual(diner.dinerId(), reason.strip());
        Session by = session.get();
        if (by.may(Permission.MANUAL_IDENTIFICATION)) {
            serve(source, Optional.empty());
            return true;
        }
        if (approvals == null) {
            notice.set(Notice.error("serving.manual.notAllowed"));
            return false;
        }
        approvals.ask(by, new ApprovalRequest(Permission.MANUAL_IDENTIFICATION, AuditAction.MANUAL_IDENTIFICATION,
                        diner.dinerId() + " " + diner.name(), Optional.empty(), reason.strip()),
                approval -> serve(source, Optional.of(approverSession(approval))), () -> { });
        return true;
    }

    /** The meals served on this line that may be refunded: the recent ones, newest first. */
    public List<ServingResult> refundable() {
        return recent.stream().filter(ServingResult::isServed).filter(r -> !r.txnId().isEmpty()).toList();
    }

    /**
     * Refunds a meal served on this line (MEAL_REFUND: the same parts back to subsidy, balance or cash), only with a
     * reason; an operator without {@link Permission#REFUND} is asked for a supervisor's approval in place. Returns
     * false (saying why) when nothing was started.
     */
    public boolean refund(ServingResult meal, String reason) {
        if (reason == null || reason.isBlank()) {
            notice.set(Notice.error("serving.refund.reasonRequired"));
            return false;
        }
        Session by;
        try {
            by = session.get();
        } catch (IllegalStateException nobody) {
            return false;
        }
        if (!by.may(Permission.SERVE_MEAL) && !by.may(Permission.REFUND)) {
            notice.set(Notice.error("serving.readOnly"));
            return false;
        }
        notice.set(null);
        if (by.may(Permission.REFUND)) {
            runRefund(meal, reason.strip(), by, Optional.empty());
            return true;
        }
        if (approvals == null) {
            notice.set(Notice.error("serving.refund.notAllowed"));
            return false;
        }
        Money price = meal.served().orElseThrow().price();
        approvals.ask(by, ApprovalRequest.of(Permission.REFUND, AuditAction.MEAL_REFUND, "seq " + meal.seq() + " "
                        + meal.diner().map(DinerAccount::name).orElse(""), price, reason.strip()),
                approval -> runRefund(meal, reason.strip(), by, Optional.of(approverSession(approval))), () -> { });
        return true;
    }

    private void runRefund(ServingResult meal, String reason, Session by, Optional<Session> approver) {
        tasks.run(() -> canteen.refunds().refund(meal.txnId(), reason, by, approver), done -> {
            notice.set(Notice.info("serving.refund.done", String.valueOf(meal.seq()),
                    meal.served().orElseThrow().price().toYuanString(), String.valueOf(done.entry().seq())));
            refresh();
        }, failure -> notice.set(failure instanceof RuleProblem problem
                ? Notice.error(problem.key(), (Object[]) problem.args())
                : failure instanceof AccessDeniedException ? Notice.error("serving.readOnly")
                : Notice.error("serving.failed", String.valueOf(failure.getMessage()))));
    }

    /**
     * The meal-rules screen's ViewModel for the operator at the line: the same rules service as the command line,
     * this line's approval prompt; a save makes the line read the rules again.
     */
    public MealRulesViewModel mealRules() {
        MealRulesViewModel rules = new MealRulesViewModel(canteen.rules(), tasks, session, approvals);
        rules.setOnSaved(this::refresh);
        return rules;
    }

    private static Session approverSession(Approval approval) {
        return Session.loggedIn(approval.approver(), approval.at());
    }

    /** Called after each result is shown (the screen's sound cue). */
    public void addResultListener(Runnable listener) {
        onResult.add(listener);
    }

    /** Reads the period, prices and counts again, and whether the operator may charge (after log-in, every minute). */
    public void refresh() {
        readOnly.set(!mayServe());
        tasks.run(this::readHeader, header::set, failure -> LOG.warn("serving line header not read", failure));
    }

    /**
     * A scan from the keyboard wedge or the serial scanner (its AIM prefix already stripped): a diner QR code is a
     * meal asked for; anything else is not a diner's code and is refused on screen without asking anyone.
     */
    public void scanned(String code) {
        String text = code.strip();
        if (text.startsWith(QR_AIM)) {
            // a scanner path that left the AIM symbology identifier on (the keyboard wedge and the serial scanner
            // strip it already)
            text = text.substring(QR_AIM.length());
        }
        if (!DinerQrCode.looksLikeOne(text)) {
            show(ServingResult.problem(IdentifiedBy.QR, Notice.error("serving.notDinerCode"), now()));
            return;
        }
        serve(new DinerSource.QrCode(text));
    }

    /** A meal card's UID from the card reader. */
    public void card(String uid) {
        serve(new DinerSource.Card(uid));
    }

    /** A card that is there but gave no UID (a bank card, a damaged card). */
    public void cardUnreadable() {
        show(ServingResult.problem(IdentifiedBy.CARD, Notice.error("serving.cardUnreadable"), now()));
    }

    /** A face terminal recognised the person enrolled under {@code personId}. */
    public void face(String personId) {
        serve(new DinerSource.Face(personId));
    }

    /** A guest meal against the manager's approval {@code approvalId} (typed, then the guest key). */
    public void guest(String approvalId) {
        if (approvalId.isBlank()) {
            show(ServingResult.problem(IdentifiedBy.GUEST, Notice.error("serving.guestIdRequired"), now()));
            return;
        }
        serve(new DinerSource.Guest(approvalId.strip()));
    }

    /** A walk-in paying cash, if the canteen allows it. */
    public void walkIn() {
        serve(new DinerSource.Cash());
    }

    private void serve(DinerSource source) {
        serve(source, Optional.empty());
    }

    private void serve(DinerSource source, Optional<Session> approver) {
        if (!mayServe()) {
            readOnly.set(true);
            show(ServingResult.problem(source.by(), Notice.error("serving.readOnly"), now()));
            return;
        }
        Optional<MealOrder> order = order();
        if (order.isEmpty()) {
            show(ServingResult.problem(source.by(), Notice.error("serving.badDishes", dishes.get()), now()));
            return;
        }
        Session by = session.get();
        MealRequest request = new MealRequest(source, order.get());
        pending++;
        working.set(true);
        tasks.run(() -> {
            ServingResult outcome = ServingResult.of(canteen.serving().serve(request, by, approver), now());
            return new Recorded(outcome, readHeader());
        }, recorded -> {
            done();
            if (recorded.result().isServed()) {
                servedHere.set(servedHere.get() + 1);
                dishes.set("");
            }
            header.set(recorded.header());
            show(recorded.result());
        }, failure -> {
            done();
            show(ServingResult.problem(source.by(), failure instanceof AccessDeniedException
                    ? Notice.error("serving.readOnly") : Notice.error("serving.failed", String.valueOf(
                    failure.getMessage())), now()));
        });
    }

    private record Recorded(ServingResult result, Header header) {
    }

    private void done() {
        pending--;
        working.set(pending > 0);
    }

    private boolean mayServe() {
        try {
            return session.get().may(Permission.SERVE_MEAL);
        } catch (IllegalStateException nobody) {
            return false;
        }
    }

    /** The typed dish numbers as an order: empty text is a fixed-price meal; anything not numbers is refused. */
    private Optional<MealOrder> order() {
        String text = dishes.get() == null ? "" : dishes.get().strip();
        if (text.isEmpty()) {
            return Optional.of(MealOrder.FIXED);
        }
        List<Integer> numbers = new ArrayList<>();
        for (String part : text.split("[\\s,+*.]+")) {
            if (!part.matches("\\d{1,3}")) {
                return Optional.empty();
            }
            numbers.add(Integer.parseInt(part));
        }
        return Optional.of(MealOrder.ofDishes(numbers));
    }

    private void show(ServingResult shown) {
        LOG.info("serving line: {} by {}{}", shown.isServed() ? "served, seq " + shown.seq()
                : "refused " + shown.reason().map(Enum::name).orElse(shown.problem().map(Notice::key).orElse("")),
                shown.by(), shown.diner().map(d -> " " + d.dinerId()).orElse(""));
        result.set(shown);
        recent.add(0, shown);
        if (recent.size() > RECENT) {
            recent.remove(RECENT, recent.size());
        }
        onResult.forEach(Runnable::run);
    }

    private Header readHeader() {
        MealRules rules = canteen.rules().rules();
        LocalDateTime at = LocalDateTime.now(clock);
        LocalDate today = at.toLocalDate();
        Optional<MealPeriod> period = rules.closedOn(today) ? Optional.empty() : rules.periodAt(at);
        List<PriceRule> prices = period.map(p -> rules.prices().stream()
                .filter(price -> price.period().equals(p.name())).toList()).orElse(List.of());
        long inPeriod = period.map(p -> canteen.meals().servedCount(today, p.name())).orElse(0L);
        long manual = canteen.manualIdentificationsOn(today, clock.getZone());
        List<Dish> menu = prices.stream().anyMatch(PriceRule::byDish)
                ? period.map(p -> rules.menuOf(p.name())).orElse(List.of()) : List.of();
        return new Header(period, prices, inPeriod, canteen.meals().servedCount(today, null), manual, menu);
    }

    private LocalTime now() {
        return LocalTime.now(clock).withNano(0);
    }
}
