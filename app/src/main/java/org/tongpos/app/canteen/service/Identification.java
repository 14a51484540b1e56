package org.tongpos.app.canteen.service;

import java.util.Optional;
import org.tongpos.app.canteen.domain.DinerAccount;
import org.tongpos.app.canteen.domain.DinerQrCode;
import org.tongpos.app.canteen.domain.MealDecision;
import org.tongpos.app.canteen.domain.RefusalReason;

/**
 * Who a {@link org.tongpos.app.canteen.domain.DinerSource} named: the diner's account (and the verified QR code when
 * it was one), or why nobody can be served ({@code refused}). A cash walk-in has neither diner nor refusal.
 */
public record Identification(Optional<DinerAccount> diner, Optional<DinerQrCode> code,
                             Optional<MealDecision.Refused> refused) {

    public static Identification of(DinerAccount diner) {
        return new Identification(Optional.of(diner), Optional.empty(), Optional.empty());
    }

    public static Identification ofCode(DinerAccount diner, DinerQrCode code) {
        return new Identification(Optional.of(diner), Optional.of(code), Optional.empty());
    }

    public static Identification refused(RefusalReason reason, String... args) {
        return new Identification(Optional.empty(), Optional.empty(), Optional.of(MealDecision.Refused.of(reason,
                args)));
    }

    public static Identification nobody() {
        return new Identification(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
