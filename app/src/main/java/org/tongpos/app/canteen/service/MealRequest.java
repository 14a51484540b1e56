package org.tongpos.app.canteen.service;

import java.util.Objects;
import org.tongpos.app.canteen.domain.DinerSource;
import org.tongpos.app.canteen.domain.MealOrder;

/** One meal asked for at the serving line: who (by what source) and what (fixed price or dish numbers). */
public record MealRequest(DinerSource source, MealOrder order) {

    public MealRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(order, "order");
    }
}
