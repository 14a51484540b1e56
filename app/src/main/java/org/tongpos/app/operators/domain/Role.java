package org.tongpos.app.operators.domain;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An operator's role and the permissions it grants. Each of CASHIER, SUPERVISOR and MANAGER holds everything the one
 * before holds; AUDITOR (the discipline-inspection office, 纪委) reads everything and changes nothing.
 */
public enum Role {
    CASHIER(EnumSet.of(Permission.SELL, Permission.SERVE_MEAL, Permission.VOID, Permission.OPEN_CLOSE_SHIFT,
            Permission.CHANGE_SETTINGS)),
    SUPERVISOR(with(CASHIER, Permission.VOID_OVER_LIMIT, Permission.REFUND, Permission.MANUAL_IDENTIFICATION,
            Permission.PAID_IN_OUT, Permission.OVERRIDE_LIMITS, Permission.READ_REPORTS, Permission.MANAGE_DINERS,
            Permission.MANAGE_STOCK)),
    MANAGER(with(SUPERVISOR, Permission.APPROVE_GUEST_MEALS, Permission.EDIT_MEAL_RULES, Permission.EDIT_PROMOTIONS,
            Permission.MANAGE_OPERATORS, Permission.READ_AUDIT)),
    AUDITOR(EnumSet.of(Permission.READ_REPORTS, Permission.READ_AUDIT));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Collections.unmodifiableSet(EnumSet.copyOf(permissions));
    }

    private static Set<Permission> with(Role base, Permission... more) {
        EnumSet<Permission> all = EnumSet.copyOf(base.permissions);
        all.addAll(Arrays.asList(more));
        return all;
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** Its name in the bundles: {@code role.<NAME>}. */
    public String messageKey() {
        return "role." + name();
    }

    /**
     * A role as typed on the command line: its English name in any case ({@code cashier}) or its Chinese name
     * (收银员, 主管, 店长, 审计员).
     */
    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String typed = text.strip();
        for (Role role : values()) {
            if (role.name().equals(typed.toUpperCase(Locale.ROOT)) || role.chineseName().equals(typed)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    private String chineseName() {
        return switch (this) {
            case CASHIER -> "收银员";
            case SUPERVISOR -> "主管";
            case MANAGER -> "店长";
            case AUDITOR -> "审计员";
        };
    }
}
