package org.tongpos.app.bank.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.bank.store.BankStorage;
import org.tongpos.sync.batch.JournalSource;
import org.tongpos.sync.feed.FeedHooks;

/**
 * The terminal's link to the bank, made by the composition root for every terminal. When {@code bank.url} and
 * {@code bank.key} are not set it stays offline and says so; otherwise it builds the {@link BankServices} on first
 * use (nothing is built, migrated or contacted for commands that never ask). {@link #startBackground()} (the window
 * calls it) resolves open payment intents and then uploads the journal every 30 s on a daemon thread of its own:
 * selling never waits for the bank.
 */
public final class BankConnection implements AutoCloseable {

    public static final Duration SYNC_PERIOD = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(BankConnection.class);

    private final BankSettings settings;
    private final BankStorage storage;
    private final JournalSource journal;
    private final Clock clock;
    private final Duration period;
    private final FeedHooks feedHooks;
    private BankServices services;
    private ScheduledExecutorService scheduler;
    private final java.util.concurrent.CountDownLatch startChecks = new java.util.concurrent.CountDownLatch(1);
    private boolean closed;

    public BankConnection(BankSettings settings, BankStorage storage, JournalSource journal, Clock clock) {
        this(settings, storage, journal, clock, SYNC_PERIOD);
    }

    public BankConnection(BankSettings settings, BankStorage storage, JournalSource journal, Clock clock,
                          Duration period) {
        this(settings, storage, journal, clock, period, FeedHooks.NONE);
    }

    /** @param feedHooks what the terminal adds to the accounts feed (name initials, the canteen's listener) */
    public BankConnection(BankSettings settings, BankStorage storage, JournalSource journal, Clock clock,
                          Duration period, FeedHooks feedHooks) {
        this.settings = settings;
        this.storage = storage;
        this.feedHooks = feedHooks;
        this.journal = journal;
        this.clock = clock;
        this.period = period;
        if (!settings.isConfigured()) {
            LOG.info("bank.url / bank.key not set: the terminal runs offline (no upload, day close or reconciliation)");
        }
    }

    public boolean isConfigured() {
        return settings.isConfigured();
    }

    public BankSettings settings() {
        return settings;
    }

    public JournalSource journal() {
        return journal;
    }

    /**
     * The bank's services, built on the first call; empty when the terminal is offline by configuration.
     *
     * @throws IllegalArgumentException when the settings are unusable (e.g. a key of the wrong length)
     */
    public synchronized Optional<BankServices> services() {
        if (!settings.isConfigured()) {
            return Optional.empty();
        }
        if (closed) {
            throw new IllegalStateException("the bank connection is closed");
        }
        if (services == null) {
            services = new BankServices(settings, storage, journal, clock, feedHooks);
            LOG.info("bank connection to {} as terminal {}", settings.url(), settings.terminalId());
        }
        return Optional.of(services);
    }

    /** Resolves open payment intents now (contacts the bank; blocks). */
    public Optional<OpenIntentResolver.Outcome> resolveOpenIntents() {
        return services().map(s -> new OpenIntentResolver(s.payments(), storage.paymentRecords()).resolve());
    }

    /**
     * Starts the background work once, on a daemon thread: build the services, resolve open payment intents, then
     * upload every {@link #SYNC_PERIOD}; with a merchant id, also bring the canteen accounts feed and the QR keys up to
     * date after each upload. Returns at once; does nothing when offline or already started.
     */
    public synchronized void startBackground() {
        if (!settings.isConfigured() || scheduler != null || closed) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tongpos-bank-sync");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.execute(() -> {
            BankServices built;
            try {
                built = services().orElseThrow();
            } catch (RuntimeException e) {
                LOG.error("cannot start talking to the bank at {}: {}", settings.url(), e.toString());
                startChecks.countDown();
                return;
            }
            try {
                resolveOpenIntents();
            } catch (RuntimeException e) {
                LOG.warn("open payment intents not resolved yet (retried on the next start): {}", e.toString());
            } finally {
                startChecks.countDown();
            }
            built.sync().runEvery(scheduler, period);
            if (!settings.merchantId().isEmpty()) {
                scheduler.scheduleWithFixedDelay(built::refreshCanteenData, 0, period.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        });
    }

    /**
     * Waits (up to {@code max}) until the start-up check of open payment intents has run, when the background work
     * was started: a code taken meanwhile could otherwise be resolved (reversed) under the till's feet. Returns at
     * once when the background work was never started (a command) or the check is done.
     */
    public void awaitStartChecks(Duration max) {
        synchronized (this) {
            if (scheduler == null) {
                return;
            }
        }
        try {
            startChecks.await(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public synchronized boolean isRunningInBackground() {
        return scheduler != null && !scheduler.isShutdown();
    }

    /**
     * Stops the background work (a round still running after 2 s is interrupted: every batch transition is committed
     * before the next network step, so the next start resumes it) and the client.
     */
    @Override
    public void close() {
        ScheduledExecutorService running;
        BankServices built;
        synchronized (this) {
            closed = true;
            running = scheduler;
            built = services;
        }
        if (running != null) {
            running.shutdown();
            try {
                if (!running.awaitTermination(2, TimeUnit.SECONDS)) {
                    running.shutdownNow();
                    if (!running.awaitTermination(5, TimeUnit.SECONDS)) {
                        LOG.warn("the background sync did not stop within 7 s");
                    }
                }
            } catch (InterruptedException e) {
                running.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        if (built != null) {
            built.close();
        }
    }
}
