package org.tongpos.sync.reconcile;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads RFC 4180 records one at a time: a quoted field may hold commas, doubled quotes, CR and LF, so
 * one record can span several lines. Records end with LF (CRLF is accepted too). Memory is one buffer
 * and the current record, which may not exceed {@link #MAX_RECORD_CHARS}: a stray quote cannot make the
 * reader swallow the rest of the file.
 */
final class CsvRecordReader {

    static final int MAX_RECORD_CHARS = 1 << 20;
    private static final int END = -1;

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder field = new StringBuilder();
    private String value;
    private int position;
    private int limit;
    private long line = 1;
    private long recordLine;
    private int recordChars;

    CsvRecordReader(Reader in) {
        this.in = in;
    }

    /** The line (counting from 1) on which the record last read starts. */
    long recordLine() {
        return recordLine;
    }

    /**
     * Reads the next record into {@code out} and returns its number of fields; fields beyond
     * {@code out.length} are counted but not kept. Returns -1 at the end of the input.
     */
    int next(String[] out) throws IOException {
        recordLine = line;
        recordChars = 0;
        if (peek() == END) {
            return -1;
        }
        int fields = 0;
        while (true) {
            boolean recordEnds = peek() == '"' ? quotedField() : plainField();
            if (fields < out.length) {
                out[fields] = value;
            }
            fields++;
            if (recordEnds) {
                return fields;
            }
        }
    }

    /**
     * Reads a field up to its comma or the end of the record into {@link #value}; true when the record ends.
     * A field that lies within the buffer (nearly all) becomes a string without going through {@link #field}.
     */
    private boolean plainField() throws IOException {
        field.setLength(0);
        boolean spansBuffers = false;
        while (true) {
            if (position == limit && !fill()) {
                value = field.toString();
                return true;
            }
            int start = position;
            int end = start;
            while (end < limit && !isDelimiter(buffer[end])) {
                end++;
            }
            recordChars += end - start;
            checkRecordLength();
            position = end;
            if (end == limit) {
                field.append(buffer, start, end - start);
                spansBuffers = true;
            } else {
                if (spansBuffers) {
                    field.append(buffer, start, end - start);
                    value = field.toString();
                } else {
                    value = new String(buffer, start, end - start);
                }
                switch (read()) {
                    case ',':
                        return false;
                    case '\n':
                        return true;
                    default:
                        if (peek() == '\n') {
                            read();
                            return true;
                        }
                        throw new StatementFormatException("statement line " + line
                                + ": carriage return outside a quoted field");
                }
            }
        }
    }

    private static boolean isDelimiter(char c) {
        return c == ',' || c == '\n' || c == '\r';
    }

    /** Reads a quoted field into {@link #value}, and what follows its closing quote; true when the record ends. */
    private boolean quotedField() throws IOException {
        field.setLength(0);
        read();
        while (true) {
            int c = read();
            if (c == END) {
                throw new StatementFormatException("statement line " + recordLine
                        + ": quoted field not terminated before the end of the file");
            }
            if (c == '"') {
                if (peek() != '"') {
                    break;
                }
                read();
            }
            field.append((char) c);
        }
        value = field.toString();
        int after = read();
        if (after == '\r' && peek() == '\n') {
            after = read();
        }
        if (after == ',') {
            return false;
        }
        if (after == '\n' || after == END) {
            return true;
        }
        throw new StatementFormatException("statement line " + line + ": text after a closing quote");
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return END;
        }
        char c = buffer[position++];
        if (c == '\n') {
            line++;
        }
        recordChars++;
        checkRecordLength();
        return c;
    }

    private void checkRecordLength() {
        if (recordChars > MAX_RECORD_CHARS) {
            throw new StatementFormatException("statement record starting on line " + recordLine + " is longer than "
                    + MAX_RECORD_CHARS + " characters");
        }
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return END;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
