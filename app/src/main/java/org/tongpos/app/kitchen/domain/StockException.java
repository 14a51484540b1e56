package org.tongpos.app.kitchen.domain;

import java.util.List;
import org.tongpos.app.i18n.RefusedException;

/** A stock movement refused: nothing was recorded. Its text is {@code key} with {@code args} in the bundles. */
public final class StockException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public StockException(String key, Object... args) {
        super(key, key + " " + List.of(args), args);
    }
}
