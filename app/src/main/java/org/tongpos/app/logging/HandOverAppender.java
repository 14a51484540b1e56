package org.tongpos.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The log file's place on the root logger while the rotating file appender is still being made on another thread
 * ({@link TerminalLogging#logToFilesSoon}): it keeps every event, in order, until that appender is handed over, then
 * passes them and every later event to it. Keeping itself between the logger and the file (one synchronized call more
 * per line) is what makes the hand-over lose and double nothing: a logger never sees two file appenders at once.
 */
final class HandOverAppender extends AppenderBase<ILoggingEvent> {

    /** Events kept before the hand-over at most; a start logs a few dozen. */
    static final int MAX_HELD = 10_000;

    private final Path file;
    private final List<ILoggingEvent> held = new ArrayList<>();
    private Appender<ILoggingEvent> target;
    private boolean handedOver;

    HandOverAppender(Path file) {
        this.file = file;
    }

    /** The log file this appender writes (once handed over). */
    Path file() {
        return file;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (target != null) {
            target.doAppend(event);
        } else if (!handedOver && held.size() < MAX_HELD) {
            event.prepareForDeferredProcessing();
            held.add(event);
        }
    }

    /**
     * Writes the events held so far to {@code appender} and every later one; {@code null} (the file could not be
     * opened) drops them: standard error has shown the warnings among them.
     */
    synchronized void handOver(Appender<ILoggingEvent> appender) {
        if (appender != null && isStarted()) {
            held.forEach(appender::doAppend);
            target = appender;
        }
        held.clear();
        handedOver = true;
    }

    /** Whether the events go to the file now (tests). */
    synchronized boolean writing() {
        return target != null;
    }

    @Override
    public synchronized void stop() {
        super.stop();
        if (target != null) {
            target.stop();
        }
    }
}
