package org.tongpos.app.i18n;

/**
 * A request that a rule refused, with nothing changed. What it says is a message key of the bundles with its
 * arguments ({@link #key()}, {@link #args()}), shown in the user's language by whoever catches it.
 */
public abstract class RefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] args;

    protected RefusedException(String key, String message, Object... args) {
        super(message);
        this.key = key;
        this.args = args.clone();
    }

    public final String key() {
        return key;
    }

    public final Object[] args() {
        return args.clone();
    }
}
