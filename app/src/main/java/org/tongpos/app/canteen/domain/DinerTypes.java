package org.tongpos.app.canteen.domain;

import java.util.Locale;

/**
 * Diner types as the bank's feed names them ({@code diner_type}: {@code STAFF}, {@code GUEST}, {@code STUDENT}, …):
 * capital letters, digits and underscores. {@code GUEST} meals need an approval; {@code WALK_IN} prices a cash meal
 * of someone without an account.
 */
public final class DinerTypes {

    public static final String STAFF = "STAFF";
    public static final String GUEST = "GUEST";
    public static final String WALK_IN = "WALK_IN";

    private DinerTypes() {
    }

    public static boolean isValid(String type) {
        return type != null && type.matches("[A-Z][A-Z0-9_]{0,31}");
    }

    /** {@code staff} → {@code STAFF}; the text as typed otherwise. */
    public static String normalize(String type) {
        return type.strip().toUpperCase(Locale.ROOT);
    }
}
