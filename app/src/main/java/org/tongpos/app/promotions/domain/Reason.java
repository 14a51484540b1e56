package org.tongpos.app.promotions.domain;

import java.util.List;

/** Why a promotion (or a row of an import) was refused: a message key of the bundles and its arguments. */
public record Reason(String key, List<Object> args) {

    public Reason {
        args = List.copyOf(args);
    }

    public static Reason of(String key, Object... args) {
        return new Reason(key, List.of(args));
    }
}
