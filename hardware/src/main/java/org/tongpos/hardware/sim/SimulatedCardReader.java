package org.tongpos.hardware.sim;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tongpos.hardware.card.CardEvent;
import org.tongpos.hardware.card.CardInfo;
import org.tongpos.hardware.card.CardKind;
import org.tongpos.hardware.card.CardListener;
import org.tongpos.hardware.card.CardReader;
import org.tongpos.hardware.card.MaskedCardNumber;
import org.tongpos.hardware.device.ReportingDevice;

/** A card reader driven by hand: present a meal card or a bank card, take it away. */
public final class SimulatedCardReader extends ReportingDevice implements CardReader {

    private static final String NAME = "Simulated reader";

    /**
     * The meal cards of the demo canteen: {@code demo-data --canteen} gives them to its local demo diners (L001 to
     * L008, in this order), so a demo can present them here.
     */
    public static final List<String> DEMO_MEAL_CARDS = List.of("04D1E2F3A4B501", "04D1E2F3A4B502",
            "04D1E2F3A4B503", "04D1E2F3A4B504", "04D1E2F3A4B505", "04D1E2F3A4B506", "04D1E2F3A4B507", "04D1E2F3A4B508");

    private final List<CardListener> listeners = new CopyOnWriteArrayList<>();
    private boolean present;

    public SimulatedCardReader(Clock clock) {
        super("simulated card reader", clock);
    }

    public synchronized void presentMealCard(String uidHex) {
        removeCard();
        present = true;
        publish(new CardEvent.Inserted(new CardInfo(NAME, CardKind.UID_CARD, Optional.of(uidHex), Optional.empty(), "")));
    }

    /** A bank card; only its masked form ever exists here. */
    public synchronized void presentBankCard(String demoCardNumber) {
        removeCard();
        present = true;
        publish(new CardEvent.Inserted(new CardInfo(NAME, CardKind.BANK_CARD, Optional.empty(),
                Optional.of(MaskedCardNumber.mask(demoCardNumber)), "")));
    }

    public synchronized void removeCard() {
        if (present) {
            present = false;
            publish(new CardEvent.Removed(NAME));
        }
    }

    private void publish(CardEvent event) {
        for (CardListener listener : listeners) {
            listener.cardEvent(event);
        }
    }

    @Override
    public void addCardListener(CardListener listener) {
        listeners.add(listener);
    }

    @Override
    public void start() {
        reporter.connected();
    }

    @Override
    public void close() {
        reporter.closed();
    }
}
