package org.tongpos.hardware.card;

/** Receives card events, on the reader's polling thread. */
@FunctionalInterface
public interface CardListener {
    void cardEvent(CardEvent event);
}
