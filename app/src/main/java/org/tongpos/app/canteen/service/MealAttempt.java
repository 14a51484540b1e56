package org.tongpos.app.canteen.service;

import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import org.tongpos.app.canteen.domain.DinerAccount;
import org.tongpos.app.canteen.domain.DinerQrCode;
import org.tongpos.app.canteen.domain.MealDecision;
import org.tongpos.app.canteen.domain.MealHistory;
import org.tongpos.app.canteen.domain.OfflineState;

/**
 * A meal decided but not recorded: the request, who it was for, the verified QR code (whose nonce the commit spends),
 * what was known of the diner's day and of the bank, the decision, and when. The meal commit takes a served attempt
 * and records it; a refused one is shown and forgotten.
 */
public record MealAttempt(MealRequest request, Optional<DinerAccount> diner, Optional<DinerQrCode> qrCode,
                          MealHistory history, OfflineState offline, MealDecision decision, ZonedDateTime at) {

    public MealAttempt {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(at, "at");
    }

    public boolean served() {
        return decision.served();
    }
}
