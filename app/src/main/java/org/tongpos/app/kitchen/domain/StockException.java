package org.tongpos.app.kitchen.domain;

import java.util.List;

/** A stock movement refused: nothing was recorded. Its text is {@code key} with {@code args} in the bundles. */
public final class StockException extends RuntimeException {

    private final String key;
    private final transient List<Object> args;

    public StockException(String key, Object... args) {
        super(key + " " + List.of(args));
        this.key = key;
        this.args = List.of(args);
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.toArray();
    }
}
