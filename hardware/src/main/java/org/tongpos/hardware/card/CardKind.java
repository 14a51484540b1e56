package org.tongpos.hardware.card;

public enum CardKind {
    /** A contactless card known by its UID (meal card, staff card). */
    UID_CARD,
    /** A bank IC card with a payment application. */
    BANK_CARD
}
