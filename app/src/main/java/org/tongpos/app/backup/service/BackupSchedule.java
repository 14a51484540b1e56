package org.tongpos.app.backup.service;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's daily backup (docs/operations.md): when {@code backup.daily} is on and the newest backup in the
 * backup folder is a day old or more (or there is none), a backup is made there and all but the newest
 * {@code backup.keep} are deleted. The window checks at start and every hour; {@link #status()} is what its status
 * bar shows, old after {@link #OLD_AFTER}.
 */
public final class BackupSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(BackupSchedule.class);
    /** A backup is due when the newest is this old. */
    public static final Duration EVERY = Duration.ofDays(1);
    /** The status bar warns when the newest backup is older than this (one daily backup missed). */
    public static final Duration OLD_AFTER = Duration.ofHours(48);
    /** How often the window looks whether a backup is due. */
    public static final Duration CHECK_EVERY = Duration.ofHours(1);

    private final Backups backups;
    private final Clock clock;
    private final BooleanSupplier daily;
    private final IntSupplier keep;
    private volatile BackupException lastFailure;

    public BackupSchedule(Backups backups, Clock clock, BooleanSupplier daily, IntSupplier keep) {
        this.backups = backups;
        this.clock = clock;
        this.daily = daily;
        this.keep = keep;
    }

    /**
     * What the status bar says: when the newest backup was made, whether that is too long ago (or never), and why
     * the last scheduled one failed, if it did.
     */
    public record Status(Path folder, Optional<Instant> last, boolean old, boolean daily,
                         Optional<BackupException> failure) {
    }

    public Status status() {
        Path folder = backups.folder();
        Optional<Instant> last = newest(folder);
        boolean old = last.isEmpty() || last.get().plus(OLD_AFTER).isBefore(clock.instant());
        return new Status(folder, last, old, daily.getAsBoolean(), Optional.ofNullable(lastFailure));
    }

    /** Makes the daily backup if it is due; returns it, or empty when none was due or it failed (see status). */
    public Optional<Backups.Created> runIfDue() {
        if (!daily.getAsBoolean()) {
            return Optional.empty();
        }
        Path folder = backups.folder();
        Optional<Instant> last = newest(folder);
        if (last.isPresent() && last.get().plus(EVERY).isAfter(clock.instant())) {
            return Optional.empty();
        }
        try {
            Backups.Created created = backups.create(backups.fileIn(folder));
            Backups.prune(folder, keep.getAsInt());
            lastFailure = null;
            return Optional.of(created);
        } catch (BackupException e) {
            lastFailure = e;
            LOG.warn("the daily backup to {} failed: {}", folder, e.getCause() == null ? e : e.getCause().toString());
            return Optional.empty();
        }
    }

    /**
     * Checks now and every {@link #CHECK_EVERY} on {@code scheduler}, handing the status to {@code listener} after
     * each check.
     */
    public ScheduledFuture<?> start(ScheduledExecutorService scheduler, Duration firstAfter, Consumer<Status> listener) {
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                runIfDue();
                listener.accept(status());
            } catch (RuntimeException e) {
                LOG.warn("backup check failed: {}", e.toString());
            }
        }, firstAfter.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts the window's checks on a daemon thread of their own: the status at once (a folder listing), the first
     * check after {@code firstAfter} (not while the till starts), then every {@link #CHECK_EVERY}.
     */
    public Running start(Duration firstAfter, Consumer<Status> listener) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tongpos-backup");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.execute(() -> listener.accept(status()));
        start(scheduler, firstAfter, listener);
        return new Running(scheduler);
    }

    /** The running checks; closing stops them, waiting for a backup being written to end. */
    public static final class Running implements AutoCloseable {
        private final ScheduledExecutorService scheduler;

        private Running(ScheduledExecutorService scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public void close() {
            scheduler.shutdown();
            try {
                if (!scheduler.awaitTermination(60, TimeUnit.SECONDS)) {
                    scheduler.shutdownNow();
                }
            } catch (InterruptedException e) {
                scheduler.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Optional<Instant> newest(Path folder) {
        return Backups.list(folder).stream().findFirst().flatMap(Backups::madeAt);
    }
}
