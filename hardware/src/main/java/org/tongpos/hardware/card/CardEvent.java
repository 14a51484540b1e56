package org.tongpos.hardware.card;

/** A card came, went, or could not be read. */
public sealed interface CardEvent {

    String reader();

    record Inserted(CardInfo card) implements CardEvent {
        @Override
        public String reader() {
            return card.reader();
        }
    }

    record Removed(String reader) implements CardEvent {
    }

    /** A card is there but gave no usable identity; {@code reason} names the step and the card's status word. */
    record Unreadable(String reader, String reason) implements CardEvent {
    }
}
