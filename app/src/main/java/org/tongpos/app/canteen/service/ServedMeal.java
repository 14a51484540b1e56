package org.tongpos.app.canteen.service;

import java.util.Objects;
import java.util.Optional;
import org.tongpos.sync.journal.JournalEntry;

/**
 * What the serving line shows after a meal was asked for: the attempt as decided under the commit's lock, and the
 * MEAL journal entry when it was served and recorded (empty when refused: nothing was recorded).
 */
public record ServedMeal(MealAttempt attempt, Optional<JournalEntry> entry) {

    public ServedMeal {
        Objects.requireNonNull(attempt, "attempt");
        if (entry.isPresent() != attempt.served()) {
            throw new IllegalArgumentException("a served meal has its entry, a refused one none");
        }
    }

    public boolean served() {
        return attempt.served();
    }
}
