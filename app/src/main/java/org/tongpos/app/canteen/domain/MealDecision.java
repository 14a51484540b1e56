package org.tongpos.app.canteen.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tongpos.app.money.domain.Money;

/** The canteen's answer for one meal: served with what it costs and how it is paid, or refused with the reason. */
public sealed interface MealDecision {

    boolean served();

    /**
     * A meal to serve and charge.
     *
     * @param nth           which meal of the period this is for the diner (1 = the first)
     * @param dishes        the dishes taken (empty at a fixed price)
     * @param subsidyAfter  the subsidy after this meal, as this terminal knows it (empty for cash)
     * @param balanceAfter  the personal balance after this meal, as this terminal knows it (empty for cash)
     */
    record Served(String period, LocalDate businessDate, int nth, Money price, ChargeSplit split, List<Dish> dishes,
                  Optional<Money> subsidyAfter, Optional<Money> balanceAfter) implements MealDecision {

        public Served {
            Objects.requireNonNull(period, "period");
            dishes = List.copyOf(dishes);
            if (!split.total().equals(price)) {
                throw new IllegalArgumentException("the parts " + split + " do not make the price " + price);
            }
        }

        @Override
        public boolean served() {
            return true;
        }
    }

    /**
     * A meal refused; nothing is charged. {@code args} are the message's arguments (period names, yuan amounts, dish
     * numbers), {@code offlineLimit} is set for {@link RefusalReason#OFFLINE_LIMIT}.
     */
    record Refused(RefusalReason reason, List<String> args, Optional<OfflineLimit> offlineLimit)
            implements MealDecision {

        public Refused {
            Objects.requireNonNull(reason, "reason");
            args = List.copyOf(args);
            if (offlineLimit.isPresent() != (reason == RefusalReason.OFFLINE_LIMIT)) {
                throw new IllegalArgumentException("an offline limit goes with OFFLINE_LIMIT only");
            }
        }

        public static Refused of(RefusalReason reason, String... args) {
            return new Refused(reason, List.of(args), Optional.empty());
        }

        public static Refused offline(OfflineLimit limit, String... args) {
            return new Refused(RefusalReason.OFFLINE_LIMIT, List.of(args), Optional.of(limit));
        }

        @Override
        public boolean served() {
            return false;
        }
    }
}
