package org.tongpos.app.shifts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.returns.domain.ReturnException;
import org.tongpos.app.shifts.domain.ShiftException;

/** The refusal keys of shifts and returns (kept in their enums, so BundleKeysTest's scan cannot see them). */
class TillMessagesTest {

    @Test
    void everyRefusalIsSaidInBothLanguages() {
        for (Messages messages : new Messages[] {Messages.of(Messages.CHINESE), Messages.of(Locale.ENGLISH)}) {
            for (ShiftException.Reason reason : ShiftException.Reason.values()) {
                assertThat(messages.get(reason.key(), "1.00", "2.00")).isNotBlank().doesNotContain("{");
            }
            for (ReturnException.Reason reason : ReturnException.Reason.values()) {
                assertThat(messages.get(reason.key(), "X", "1")).isNotBlank().doesNotContain("{");
            }
        }
        assertThat(Messages.of(Messages.CHINESE).get(ShiftException.Reason.NO_OPEN_SHIFT.key())).contains("开班");
        assertThat(Messages.of(Locale.ENGLISH).get(ShiftException.Reason.NO_OPEN_SHIFT.key())).contains("shift");
    }
}
