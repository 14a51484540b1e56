package org.tongpos.app.journal.store;

/** A journal row that cannot even be read as an entry (a field out of its domain). */
public final class CorruptEntryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long seq;

    public CorruptEntryException(long seq, Throwable cause) {
        super("journal entry " + seq + " is corrupt: " + cause.getMessage(), cause);
        this.seq = seq;
    }

    public long seq() {
        return seq;
    }
}
