package org.tongpos.app.suspend.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.ui.CashierViewModel;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.ui.OperatorNotices;
import org.tongpos.app.suspend.domain.ResumedSale;
import org.tongpos.app.suspend.domain.SuspendedSale;
import org.tongpos.app.suspend.service.SuspendService;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.TaskRunner;

/**
 * Suspend and resume (挂单 / 取单) at the till: the sale in progress is put aside (on disk, kept across a restart) and
 * the till starts an empty one; the list of suspended sales (time, cashier, lines, total, oldest first) resumes one
 * into the empty till at today's prices, saying which prices changed and which goods are no longer sold.
 */
public final class SuspendViewModel {

    private final SuspendService suspended;
    private final CashierViewModel till;
    private final TaskRunner tasks;
    private final Supplier<Session> session;
    private final ObservableList<SuspendedSale> sales = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final BooleanProperty listing = new SimpleBooleanProperty(false);
    private final BooleanProperty working = new SimpleBooleanProperty(false);
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();

    public SuspendViewModel(SuspendService suspended, CashierViewModel till, TaskRunner tasks,
                            Supplier<Session> session) {
        this.suspended = suspended;
        this.till = till;
        this.tasks = tasks;
        this.session = session;
    }

    /** The suspended sales the list shows, oldest first. */
    public ObservableList<SuspendedSale> sales() {
        return sales;
    }

    public IntegerProperty selected() {
        return selected;
    }

    /** True while the list of suspended sales shows. */
    public ReadOnlyBooleanProperty listing() {
        return listing;
    }

    public ReadOnlyBooleanProperty working() {
        return working;
    }

    public ReadOnlyObjectProperty<Notice> notice() {
        return notice;
    }

    /** Puts the sale in progress aside; the till says so (or why not). */
    public void suspend() {
        if (working.get()) {
            return;
        }
        Optional<Cart> sale = till.saleInProgress();
        if (sale.isEmpty()) {
            till.notice().set(Notice.error("suspend.nothing"));
            return;
        }
        Session operator = session.get();
        working.set(true);
        tasks.run(() -> suspended.suspend(operator, sale.get()), done -> {
            working.set(false);
            till.saleSetAside(Notice.info("suspend.done", done.id(), done.lines().size(),
                    done.total().toYuanString()));
        }, failure -> {
            working.set(false);
            till.notice().set(failureNotice(failure));
        });
    }

    /** Lists the suspended sales to resume one; only into an empty till. */
    public void openList() {
        if (working.get()) {
            return;
        }
        if (!till.canTakeSale()) {
            till.notice().set(Notice.error("suspend.tillBusy"));
            return;
        }
        working.set(true);
        tasks.run(suspended::list, list -> {
            working.set(false);
            if (list.isEmpty()) {
                till.notice().set(Notice.info("suspend.none"));
                return;
            }
            sales.setAll(list);
            selected.set(0);
            notice.set(null);
            listing.set(true);
        }, failure -> {
            working.set(false);
            till.notice().set(failureNotice(failure));
        });
    }

    public void move(int delta) {
        if (sales.isEmpty()) {
            return;
        }
        int current = Math.max(0, selected.get());
        selected.set(Math.max(0, Math.min(sales.size() - 1, current + delta)));
    }

    /** Enter on the list: the selected sale comes back into the till. */
    public boolean resume() {
        int index = selected.get();
        if (!listing.get() || working.get() || index < 0 || index >= sales.size()) {
            return false;
        }
        SuspendedSale chosen = sales.get(index);
        Session operator = session.get();
        working.set(true);
        tasks.run(() -> suspended.resume(operator, chosen.id()), resumed -> {
            working.set(false);
            if (resumed.isEmpty()) {
                // resumed meanwhile (another lane, or twice): the list is out of date
                notice.set(Notice.error("suspend.gone", chosen.id()));
                sales.remove(chosen);
                selected.set(sales.isEmpty() ? -1 : 0);
                return;
            }
            listing.set(false);
            if (!till.takeSale(resumed.get().cart(), resumedNotice(chosen, resumed.get()))) {
                till.notice().set(Notice.error("suspend.tillBusy"));
            }
        }, failure -> {
            working.set(false);
            notice.set(failureNotice(failure));
        });
        return true;
    }

    /** Esc: back to the till, nothing resumed. */
    public boolean close() {
        if (working.get()) {
            return false;
        }
        listing.set(false);
        notice.set(null);
        return true;
    }

    /** What the till says after a resume: lines and total, and what changed since the sale was put aside. */
    static Notice resumedNotice(SuspendedSale was, ResumedSale now) {
        List<String> changes = new ArrayList<>();
        for (ResumedSale.PriceChange change : now.changes()) {
            changes.add(change.name() + " " + change.before().toYuanString() + "→" + change.now().toYuanString());
        }
        String total = now.cart().total().toYuanString();
        int lines = now.cart().size();
        if (changes.isEmpty() && now.missing().isEmpty()) {
            return Notice.info("suspend.resumed", was.id(), lines, total);
        }
        return Notice.error("suspend.resumedChanged", was.id(), lines, total,
                changes.isEmpty() ? new Notice.Key("suspend.noChange") : String.join("、", changes),
                now.missing().isEmpty() ? new Notice.Key("suspend.noChange") : String.join("、", now.missing()));
    }

    private static Notice failureNotice(Exception failure) {
        return failure instanceof AccessDeniedException denied ? OperatorNotices.denied(denied)
                : Notice.error("suspend.failed", String.valueOf(failure.getMessage()));
    }
}
