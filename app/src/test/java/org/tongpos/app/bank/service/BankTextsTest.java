package org.tongpos.app.bank.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tongpos.app.i18n.Messages;
import org.tongpos.sync.batch.RoundOutcome;
import org.tongpos.sync.reconcile.DifferenceCategory;

/** The keys chosen at run time (categories, round outcomes), which the bundle scan cannot see, exist in both languages. */
class BankTextsTest {

    @Test
    void everyCategoryAndOutcomeHasAName() {
        for (Messages messages : new Messages[] {Messages.of(Messages.CHINESE), Messages.of(Locale.ROOT)}) {
            for (DifferenceCategory category : DifferenceCategory.values()) {
                assertThat(BankTexts.category(messages, category)).isNotBlank();
            }
            for (RoundOutcome outcome : RoundOutcome.values()) {
                assertThat(BankTexts.outcome(messages, outcome)).isNotBlank();
            }
        }
        assertThat(BankTexts.category(Messages.of(Messages.CHINESE), DifferenceCategory.REVERSED_BY_BANK))
                .isEqualTo("银行已冲正");
    }

    @Test
    void amountsAreSignedYuanAndMissingOnesADash() {
        assertThat(BankTexts.yuan(-1250L)).isEqualTo("-12.50");
        assertThat(BankTexts.yuan(5L)).isEqualTo("0.05");
        assertThat(BankTexts.yuan(null)).isEqualTo("—");
    }
}
