package org.tongpos.app.canteen.service;

import org.tongpos.app.canteen.domain.MealDecision;
import org.tongpos.app.i18n.Messages;

/** A meal decision said in the user's language (serving line, command line). */
public final class MealTexts {

    private MealTexts() {
    }

    /** Why a meal was refused: {@code 本餐次已就餐（午餐：已就餐 1 次，每餐次限 1 次）}. */
    public static String refusal(Messages messages, MealDecision.Refused refused) {
        Object[] args = refused.args().toArray();
        if (refused.offlineLimit().isPresent()) {
            String which = messages.get("canteen.offline." + refused.offlineLimit().get().name(), args);
            return messages.get("canteen.refused." + refused.reason().name(), which);
        }
        return messages.get("canteen.refused." + refused.reason().name(), args);
    }
}
