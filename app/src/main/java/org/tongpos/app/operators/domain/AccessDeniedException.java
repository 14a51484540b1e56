package org.tongpos.app.operators.domain;

/**
 * A service refused an act the session's role does not allow. Nothing was changed. The message for a person is the
 * bundle key {@link #KEY} with the operator's number and name, and the names of the role ({@link Role#messageKey()})
 * and of the permission ({@link Permission#messageKey()}).
 */
public final class AccessDeniedException extends RuntimeException {

    /** 收银员 001 王芳 无权：退款。 */
    public static final String KEY = "operators.denied";

    private final transient Operator operator;
    private final Permission permission;

    public AccessDeniedException(Operator operator, Permission permission) {
        super(operator.number() + " (" + operator.role() + ") may not " + permission);
        this.operator = operator;
        this.permission = permission;
    }

    public Operator operator() {
        return operator;
    }

    public Permission permission() {
        return permission;
    }
}
