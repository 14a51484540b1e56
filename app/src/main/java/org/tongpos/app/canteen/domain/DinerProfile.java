package org.tongpos.app.canteen.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * Who a locally kept diner is (a row of {@code diner import}): diner id, staff number, name, department, diner type and
 * meal card UID (hex, stored in capitals). Staff number and card may be empty.
 */
public record DinerProfile(String dinerId, String staffNo, String name, String department, String dinerType,
                           String cardUid) {

    public DinerProfile {
        Objects.requireNonNull(dinerId, "dinerId");
        staffNo = staffNo == null ? "" : staffNo.strip();
        Objects.requireNonNull(name, "name");
        department = department == null ? "" : department.strip();
        Objects.requireNonNull(dinerType, "dinerType");
        cardUid = cardUid == null ? "" : cardUid.strip().toUpperCase(Locale.ROOT);
    }

    /** A local diner's account id: {@code L-} and the diner id (never a bank account id, which has no such prefix). */
    public String accountId() {
        return localAccountId(dinerId);
    }

    public static String localAccountId(String dinerId) {
        return "L-" + dinerId;
    }

    public static boolean isDinerId(String id) {
        return id != null && id.matches("[A-Za-z0-9_-]{1,32}");
    }

    /**
     * A meal card UID in hex as the card reader reports it: whole bytes, 4 to 10 of them (ISO 14443 UIDs are 4, 7 or
     * 10 bytes; other card families report other lengths).
     */
    public static boolean isCardUid(String uid) {
        return uid != null && uid.matches("(?i)([0-9a-f]{2}){4,10}");
    }
}
