package org.tongpos.app.canteen.ui;

import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;
import org.tongpos.app.canteen.domain.DinerAccount;
import org.tongpos.app.canteen.domain.IdentifiedBy;
import org.tongpos.app.canteen.domain.MealDecision;
import org.tongpos.app.canteen.domain.RefusalReason;
import org.tongpos.app.canteen.service.ServedMeal;
import org.tongpos.app.ui.Notice;

/**
 * One diner's outcome on the serving line, as the screen shows it: a meal served (recorded: its journal seq) or
 * refused by the rules, or a problem before any decision (a goods barcode scanned, an auditor who may not charge, a
 * card that could not be read, a commit that failed); {@code txnId} is a served meal's journal txn (for its refund),
 * else empty. Texts are made when drawn, in the screen's language.
 */
public record ServingResult(LocalTime at, IdentifiedBy by, Optional<DinerAccount> diner,
                            Optional<MealDecision.Served> served, long seq, Optional<MealDecision.Refused> refused,
                            Optional<Notice> problem, String txnId) {

    public ServingResult {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        if (served.isPresent() == (refused.isPresent() || problem.isPresent())) {
            throw new IllegalArgumentException("a result is served, or refused, or a problem");
        }
    }

    static ServingResult of(ServedMeal meal, LocalTime at) {
        Optional<MealDecision.Served> served = meal.attempt().decision() instanceof MealDecision.Served s
                ? Optional.of(s) : Optional.empty();
        Optional<MealDecision.Refused> refused = meal.attempt().decision() instanceof MealDecision.Refused r
                ? Optional.of(r) : Optional.empty();
        return new ServingResult(at, meal.attempt().request().source().by(), meal.attempt().diner(), served,
                meal.entry().map(e -> e.seq()).orElse(0L), refused, Optional.empty(),
                meal.entry().map(e -> e.txnId()).orElse(""));
    }

    static ServingResult problem(IdentifiedBy by, Notice notice, LocalTime at) {
        return new ServingResult(at, by, Optional.empty(), Optional.empty(), 0, Optional.empty(),
                Optional.of(notice), "");
    }

    /** Green: the meal is charged and on disk. */
    public boolean isServed() {
        return served.isPresent();
    }

    /** The rules' reason for a refusal (empty when served or for a problem before any decision). */
    public Optional<RefusalReason> reason() {
        return refused.map(MealDecision.Refused::reason);
    }
}
