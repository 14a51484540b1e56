package org.tongpos.sync.batch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.sync.client.BankClient;
import org.tongpos.sync.client.Jdbc;
import org.tongpos.sync.client.SyncSchema;
import org.tongpos.sync.client.SyncState;

/**
 * Uploads the journal to the bank in the background. Selling never waits for it: it only reads the
 * journal, and a round that finds the bank unreachable simply ends and is retried on the next tick.
 * Rounds never overlap; a restart resumes from the stored batch states.
 */
public final class SyncService {

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    private static final String LAST_CONTACT = "sync.last_contact";
    private static final String LAST_ERROR = "sync.last_error";
    private static final String LAST_OUTCOME = "sync.last_outcome";

    private final BankClient client;
    private final JournalSource journal;
    private final BatchStore store;
    private final BatchUploader uploader;
    private final SyncState state;
    private final ReentrantLock roundLock = new ReentrantLock();
    /** How long the exact bytes of an accepted batch are kept, for support to see what was sent. */
    static final Duration BODY_RETENTION = Duration.ofDays(30);
    private final Clock clock;

    /**
     * Migrates the sync tables, then is ready; batches are at most 1,000 entries with random UUID ids.
     *
     * @param dataSource the app's own database (the journal's), pooled: see {@link Jdbc}
     */
    public SyncService(BankClient client, DataSource dataSource, JournalSource journal, Clock clock) {
        this(client, dataSource, journal, clock, UUID::randomUUID, BatchSealer.MAX_ENTRIES);
    }

    public SyncService(BankClient client, DataSource dataSource, JournalSource journal, Clock clock,
                       Supplier<UUID> batchIds, int maxEntriesPerBatch) {
        this.client = Objects.requireNonNull(client, "client");
        this.journal = Objects.requireNonNull(journal, "journal");
        SyncSchema.migrate(dataSource);
        Jdbc jdbc = new Jdbc(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = new BatchStore(jdbc, clock);
        this.state = new SyncState(jdbc);
        BatchSealer sealer = new BatchSealer(journal, store, client, batchIds, maxEntriesPerBatch);
        this.uploader = new BatchUploader(client, store, sealer, journal, RandomGenerator.getDefault());
    }

    /** Runs one upload round now (waiting for a round in progress to finish first) and reports the status. */
    public SyncStatus syncNow() {
        roundLock.lock();
        try {
            BatchUploader.Round round;
            try {
                round = uploader.run();
            } catch (RuntimeException e) {
                LOG.error("upload round failed", e);
                state.putText(LAST_OUTCOME, RoundOutcome.BANK_UNREACHABLE.name());
                state.putText(LAST_ERROR, e.toString());
                throw e;
            }
            client.lastVerifiedAt().ifPresent(at -> state.putText(LAST_CONTACT, at.toString()));
            state.putText(LAST_OUTCOME, round.outcome().name());
            if (round.outcome() == RoundOutcome.UP_TO_DATE) {
                pruneOldBatchBodies();
            }
            state.putText(LAST_ERROR, round.outcome() == RoundOutcome.UP_TO_DATE ? null : round.message());
            if (round.batchesAccepted() > 0 || round.outcome() != RoundOutcome.UP_TO_DATE) {
                LOG.info("upload round: {} ({} batch(es) accepted) {}", round.outcome(), round.batchesAccepted(),
                        round.message());
            }
            return status();
        } finally {
            roundLock.unlock();
        }
    }

    /** Frozen batch bytes are kept {@link #BODY_RETENTION} after the bank held them (about 0.4 KB per entry). */
    private void pruneOldBatchBodies() {
        int pruned = store.pruneSettledBodies(OffsetDateTime.now(clock).minus(BODY_RETENTION));
        if (pruned > 0) {
            LOG.info("dropped the sent bytes of {} batch(es) the bank has held for over {} days", pruned,
                    BODY_RETENTION.toDays());
        }
    }

    /** Reads the stored state; does not contact the bank. */
    public SyncStatus status() {
        long journalLast = journal.lastSeq();
        long held = store.bankConfirmedSeq();
        Optional<RoundOutcome> outcome = state.text(LAST_OUTCOME).map(RoundOutcome::valueOf);
        return new SyncStatus(outcome, journalLast, held, Math.max(0, journalLast - held),
                state.text(LAST_CONTACT).map(Instant::parse), state.text(LAST_ERROR),
                client.authProblem() || outcome.filter(o -> o == RoundOutcome.AUTH_PROBLEM).isPresent(),
                store.inState(BatchState.QUARANTINED));
    }

    /** Puts a quarantined batch back in line, unchanged (after the cause was fixed at the bank or locally). */
    public boolean releaseQuarantined(UUID batchId) {
        return store.releaseQuarantined(batchId);
    }

    /** The batch store, for screens that list batches. */
    public BatchStore batches() {
        return store;
    }

    /**
     * Runs a round every {@code period} on {@code scheduler} (a background thread; never the FX thread).
     * A failing round is logged and the schedule continues.
     */
    public ScheduledFuture<?> runEvery(ScheduledExecutorService scheduler, Duration period) {
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                syncNow();
            } catch (RuntimeException e) {
                LOG.warn("background sync round failed: {}", e.toString());
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }
}
