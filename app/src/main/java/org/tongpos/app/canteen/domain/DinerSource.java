package org.tongpos.app.canteen.domain;

import java.util.Objects;

/** What identified the diner at the serving line; each source feeds the same decision. */
public sealed interface DinerSource {

    IdentifiedBy by();

    /** A diner QR code ({@code TQ1.…}) from the bank's app, scanned. */
    record QrCode(String text) implements DinerSource {
        public QrCode {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public IdentifiedBy by() {
            return IdentifiedBy.QR;
        }

        @Override
        public String toString() {
            return "QrCode[" + (text.length() > 12 ? text.substring(0, 12) + "…" : text) + "]";
        }
    }

    /** A meal card's UID from the card reader. */
    record Card(String uid) implements DinerSource {
        public Card {
            Objects.requireNonNull(uid, "uid");
        }

        @Override
        public IdentifiedBy by() {
            return IdentifiedBy.CARD;
        }
    }

    /** A face terminal's "person recognised" event: the id the person was enrolled with on the terminal. */
    record Face(String personId) implements DinerSource {
        public Face {
            Objects.requireNonNull(personId, "personId");
        }

        @Override
        public IdentifiedBy by() {
            return IdentifiedBy.FACE;
        }
    }

    /** A diner found by search and picked by the worker; only with a reason. */
    record Manual(String dinerId, String reason) implements DinerSource {
        public Manual {
            Objects.requireNonNull(dinerId, "dinerId");
            reason = reason == null ? "" : reason.strip();
        }

        @Override
        public IdentifiedBy by() {
            return IdentifiedBy.MANUAL;
        }
    }

    /** A guest (零接待) served against the manager's approval {@code approvalId}; the approval says who pays. */
    record Guest(String approvalId) implements DinerSource {
        public Guest {
            Objects.requireNonNull(approvalId, "approvalId");
        }

        @Override
        public IdentifiedBy by() {
            return IdentifiedBy.GUEST;
        }
    }

    /** A walk-in paying cash, without an account. */
    record Cash() implements DinerSource {
        @Override
        public IdentifiedBy by() {
            return IdentifiedBy.CASH;
        }
    }
}
