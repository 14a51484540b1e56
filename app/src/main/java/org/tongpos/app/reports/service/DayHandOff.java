package org.tongpos.app.reports.service;

import java.time.LocalDate;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands each committed day of a generated history to a thread of its own that summarises it while the generator
 * writes the next one. At most one day waits: the generator is never more than two days ahead of the summaries. The
 * summary thread's first failure stops the generator at its next hand-over and is thrown with its cause.
 */
final class DayHandOff implements AutoCloseable {

    /** Thrown in the generator's thread when a day could not be summarised. */
    static final class SummaryFailed extends RuntimeException {
        SummaryFailed(LocalDate day, Throwable cause) {
            super("summarising the history's day " + day + " failed: " + cause.getMessage(), cause);
        }
    }

    private static final LocalDate END = LocalDate.MIN;
    private static final long POLL_MILLIS = 50;

    private final BlockingQueue<LocalDate> days = new ArrayBlockingQueue<>(1);
    private final Consumer<LocalDate> summarise;
    private final Thread thread;
    private volatile RuntimeException failure;

    DayHandOff(Consumer<LocalDate> summarise) {
        this.summarise = summarise;
        thread = new Thread(this::run, "history-summaries");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        LocalDate day = null;
        try {
            for (day = days.take(); day != END; day = days.take()) {
                summarise.accept(day);
            }
        } catch (InterruptedException e) {
            failure = new IllegalStateException("the history's summaries were interrupted", e);
        } catch (RuntimeException | Error e) {
            failure = new SummaryFailed(day, e);
        }
    }

    /** Hands a committed day over, waiting while another one waits. */
    void hand(LocalDate day) {
        put(day);
    }

    /** Waits until every day handed over is summarised. */
    void finish() {
        put(END);
        join();
        throwFailure();
    }

    /**
     * Lets the summary thread end after the day it is on (not interrupted: an interrupt in H2's file I/O closes the
     * database), dropping the day that waits.
     */
    @Override
    public void close() {
        if (thread.isAlive()) {
            days.clear();
            days.offer(END);
            join();
        }
    }

    private void put(LocalDate day) {
        try {
            while (!days.offer(day, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                throwFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing over " + day, e);
        }
        throwFailure();
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the history's summaries finished", e);
        }
    }

    private void throwFailure() {
        if (failure != null) {
            throw failure;
        }
    }
}
