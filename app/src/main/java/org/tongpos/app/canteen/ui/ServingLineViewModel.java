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
import org.tongpos.app.canteen.domain.DinerQrCode;
import org.tongpos.app.canteen.domain.DinerSource;
import org.tongpos.app.canteen.domain.IdentifiedBy;
import org.tongpos.app.canteen.domain.MealOrder;
import org.tongpos.app.canteen.domain.MealPeriod;
import org.tongpos.app.canteen.domain.MealRules;
import org.tongpos.app.canteen.domain.PriceRule;
import org.tongpos.app.canteen.service.CanteenServices;
import org.tongpos.app.canteen.service.MealRequest;
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
                         long servedToday) {
        public static final Header EMPTY = new Header(Optional.empty(), List.of(), 0, 0);
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

    /**
     * @param session the operator at the line (called on the FX thread, when an identification arrives)
     * @param clock   in the terminal's business zone
     */
    public ServingLineViewModel(CanteenServices canteen, TaskRunner tasks, Supplier<Session> session, Clock clock) {
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
            ServingResult outcome = ServingResult.of(canteen.serving().serve(request, by), now());
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
        return new Header(period, prices, inPeriod, canteen.meals().servedCount(today, null));
    }

    private LocalTime now() {
        return LocalTime.now(clock).withNano(0);
    }
}
