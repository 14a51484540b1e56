package org.tongpos.app.checkout.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongpos.app.money.domain.Money;
import org.tongpos.sync.journal.TenderMethod;

class PaymentTest {

    private static Payment.Offer cash(long fen) {
        return new Payment.Offer(TenderMethod.CASH, Money.ofFen(fen), "");
    }

    @Test
    void cashOverTheTotalGivesChange() throws PaymentException {
        List<Tender> tenders = Payment.settle(Money.ofFen(1555), List.of(cash(5000)));
        assertThat(tenders).singleElement().satisfies(t -> {
            assertThat(t.amount()).isEqualTo(Money.ofFen(1555));
            assertThat(t.change()).isEqualTo(Money.ofFen(3445));
        });
    }

    @Test
    void shortPaymentIsRefusedWithWhatIsStillDue() {
        assertThatThrownBy(() -> Payment.settle(Money.ofFen(1555), List.of(cash(1000))))
                .isInstanceOfSatisfying(PaymentException.class, e -> {
                    assertThat(e.reason()).isEqualTo(PaymentException.Reason.SHORT);
                    assertThat(e.stillDue()).isEqualTo(Money.ofFen(555));
                });
    }

    @Test
    void cardPaysFirstAndCashGivesTheChange() throws PaymentException {
        List<Tender> tenders = Payment.settle(Money.ofFen(1000), List.of(cash(500),
                new Payment.Offer(TenderMethod.BANK_CARD, Money.ofFen(800), "T123")));
        assertThat(tenders).extracting(Tender::method).containsExactly(TenderMethod.BANK_CARD, TenderMethod.CASH);
        assertThat(tenders.get(1).amount()).isEqualTo(Money.ofFen(200));
        assertThat(tenders.get(1).change()).isEqualTo(Money.ofFen(300));
    }

    @Test
    void nonCashCannotExceedTheAmountDue() {
        assertThatThrownBy(() -> Payment.settle(Money.ofFen(1000),
                List.of(new Payment.Offer(TenderMethod.BANK_CARD, Money.ofFen(1001), "T1"))))
                .isInstanceOfSatisfying(PaymentException.class,
                        e -> assertThat(e.reason()).isEqualTo(PaymentException.Reason.OVERPAID));
    }

    @Test
    void anEmptySaleCannotBePaid() {
        assertThatThrownBy(() -> Payment.settle(Money.ZERO, List.of(cash(100))))
                .isInstanceOfSatisfying(PaymentException.class,
                        e -> assertThat(e.reason()).isEqualTo(PaymentException.Reason.NOTHING_DUE));
    }
}
