package org.tongpos.app.backup.service;

import java.util.Arrays;

/**
 * A backup that cannot be made, read or restored, with the message key and arguments that say why in the
 * terminal's language ({@code backup.*} in the bundles); {@link #refusal()} when a restore refused the file (nothing
 * was changed) rather than failed.
 */
public final class BackupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a file was refused, or FAILED when something broke on the way. */
    public enum Kind { CORRUPT, FOREIGN, OLDER_THAN_SENT, NEWER_PROGRAM, CURRENT_UNREADABLE, FAILED }

    private final Kind kind;
    private final String key;
    private final transient Object[] args;

    public BackupException(Kind kind, String key, Throwable cause, Object... args) {
        super(key + " " + Arrays.toString(args), cause);
        this.kind = kind;
        this.key = key;
        this.args = args.clone();
    }

    public Kind kind() {
        return kind;
    }

    /** True when the file was refused before anything changed. */
    public boolean refusal() {
        return kind != Kind.FAILED;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
