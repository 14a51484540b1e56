package org.tongpos.sync.reconcile;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Counts the characters handed to the CSV parser since the current record began and refuses the statement
 * once they pass {@link #MAX_RECORD_CHARS}. Commons CSV keeps a field in memory until it ends and has no
 * size cap of its own, so without this a stray quote would make it hold the rest of the file.
 * The count includes what the parser has read ahead (one buffer of a few KiB), far below the bound.
 */
final class RecordLengthGuard extends FilterReader {

    static final int MAX_RECORD_CHARS = 1 << 20;

    private long recordLine;
    private long recordChars;

    RecordLengthGuard(Reader in) {
        super(in);
    }

    /** Starts counting afresh for the record that starts on {@code line}. */
    void startRecord(long line) {
        recordLine = line;
        recordChars = 0;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count(1);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int chars) {
        recordChars += chars;
        if (recordChars > MAX_RECORD_CHARS) {
            throw new StatementFormatException("statement record starting on line " + recordLine + " is longer than "
                    + MAX_RECORD_CHARS + " characters");
        }
    }
}
