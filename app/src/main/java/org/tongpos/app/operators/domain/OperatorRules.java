package org.tongpos.app.operators.domain;

import java.util.Optional;

/**
 * What operator numbers, names and PINs may look like. Numbers and PINs are digits so that a numeric keypad and a
 * touch PIN pad can enter them; a number's leading zeros count ({@code 001} is not {@code 1}).
 */
public final class OperatorRules {

    public static final int PIN_MIN = 4;
    public static final int PIN_MAX = 8;
    public static final int NAME_MAX = 32;

    private OperatorRules() {
    }

    public static boolean isNumber(String number) {
        return number != null && number.matches("\\d{1,8}");
    }

    public static boolean isName(String name) {
        return name != null && !name.isBlank() && name.strip().length() <= NAME_MAX
                && name.codePoints().noneMatch(Character::isISOControl);
    }

    /** Why a PIN is not acceptable, as a bundle key; empty when it is. */
    public static Optional<String> pinProblem(char[] pin) {
        if (pin == null || pin.length < PIN_MIN || pin.length > PIN_MAX) {
            return Optional.of("operators.pin.length");
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                return Optional.of("operators.pin.digits");
            }
        }
        return Optional.empty();
    }
}
