package org.tongpos.app.operators.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.LoginRefusal;
import org.tongpos.app.operators.domain.Operator;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.ui.Notice;

/** The messages of the operators feature for a screen: denials, refused PINs, who is logged in. */
public final class OperatorNotices {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private OperatorNotices() {
    }

    /** "收银员 001 王芳 无权：退款。" for a service's denial. */
    public static Notice denied(AccessDeniedException denied) {
        Operator operator = denied.operator();
        return Notice.error("operators.denied", operator.number(), operator.name(),
                new Notice.Key(operator.role().messageKey()), new Notice.Key(denied.permission().messageKey()));
    }

    /** Why a number and PIN were not accepted. */
    public static Notice refused(LoginRefusal reason, String number, int attemptsLeft, Optional<Instant> lockedUntil,
                                 ZoneId zone) {
        return switch (reason) {
            case UNKNOWN_OPERATOR -> Notice.error("login.refused.unknown", number);
            case WRONG_PIN -> Notice.error("login.refused.wrongPin", attemptsLeft);
            case LOCKED_OUT -> Notice.error("login.refused.lockedOut", number,
                    lockedUntil.map(until -> TIME.format(until.atZone(zone))).orElse("?"));
            case DISABLED -> Notice.error("login.refused.disabled", number);
        };
    }

    /** "收银员 001 王芳", or "自动登录：收银员 001 王芳" for the {@code login.auto} operator. */
    public static Notice badge(Session session) {
        Operator operator = session.operator().orElseThrow();
        Notice.Key role = new Notice.Key(operator.role().messageKey());
        return session.isAutomatic() ? Notice.info("login.badge.automatic", role, operator.number(), operator.name())
                : Notice.info("login.badge", role, operator.number(), operator.name());
    }
}
