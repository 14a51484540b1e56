package org.tongpos.sync.batch;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.sync.client.BankClient;
import org.tongpos.sync.client.BankReply;
import org.tongpos.sync.client.BankRequest;
import org.tongpos.sync.journal.EntryHashes;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.wire.ApiError;
import org.tongpos.sync.wire.ApiPaths;
import org.tongpos.sync.wire.BatchAccepted;
import org.tongpos.sync.wire.Cursor;
import org.tongpos.sync.wire.ErrorCode;

/**
 * Drives the batch state machine (see {@link BatchState}) for one round: sends batches strictly in seq
 * order, one at a time; an unknown outcome is always resolved by asking the bank for that batch before
 * anything else is sent; SEQ_GAP is resolved through the bank's cursor.
 */
public final class BatchUploader {

    private static final Logger LOG = LoggerFactory.getLogger(BatchUploader.class);
    /** Sends of one batch within a round before the round gives up and leaves it for the next. */
    private static final int MAX_SENDS_PER_ROUND = 6;
    private static final int MAX_CURSOR_ALIGNMENTS_PER_ROUND = 3;

    private final BankClient client;
    private final BatchStore store;
    private final BatchSealer sealer;
    private final JournalSource journal;
    private final RandomGenerator random;

    /** The result of one round. */
    public record Round(RoundOutcome outcome, String message, int batchesAccepted) {
    }

    private sealed interface Step {
    }

    private record Continue() implements Step {
    }

    private record Stop(RoundOutcome outcome, String message) implements Step {
    }

    /** The batches were aligned with the bank's cursor. */
    private record Aligned() implements Step {
    }

    private static final Continue CONTINUE = new Continue();
    private int acceptedThisRound;

    public BatchUploader(BankClient client, BatchStore store, BatchSealer sealer, JournalSource journal,
                         RandomGenerator random) {
        this.client = client;
        this.store = store;
        this.sealer = sealer;
        this.journal = journal;
        this.random = random;
    }

    /** Seals what is pending and uploads until the bank holds everything or the round must stop. */
    public Round run() {
        Map<UUID, Integer> sendsThisRound = new HashMap<>();
        int alignments = 0;
        acceptedThisRound = 0;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                return new Round(RoundOutcome.INTERRUPTED, "interrupted", acceptedThisRound);
            }
            Optional<SealedBatch> open = store.firstOpen();
            if (open.isEmpty()) {
                if (sealer.sealPending() == 0) {
                    return new Round(RoundOutcome.UP_TO_DATE, "the bank holds every entry through seq "
                            + store.bankConfirmedSeq(), acceptedThisRound);
                }
                continue;
            }
            SealedBatch batch = open.get();
            Step step;
            switch (batch.state()) {
                case QUARANTINED -> step = new Stop(RoundOutcome.BLOCKED_BY_QUARANTINE, "batch " + batch.batchId()
                        + " (seq " + batch.firstSeq() + "-" + batch.lastSeq() + ") is quarantined: " + batch.reason());
                case SENDING, UNKNOWN -> step = resolve(batch);
                case SEALED -> {
                    int sends = sendsThisRound.merge(batch.batchId(), 1, Integer::sum);
                    if (sends > MAX_SENDS_PER_ROUND) {
                        step = new Stop(RoundOutcome.BANK_UNREACHABLE, "batch " + batch.batchId() + " sent "
                                + MAX_SENDS_PER_ROUND + " times without a clear answer; will try again later");
                    } else {
                        if (sends > 1) {
                            pause(client.config().retryPolicy().backoff(sends - 1, random));
                        }
                        step = upload(batch);
                    }
                }
                default -> throw new IllegalStateException("not an open state: " + batch.state());
            }
            if (step instanceof Stop stop) {
                if (stop.outcome() != RoundOutcome.UP_TO_DATE) {
                    LOG.info("upload round stopped: {} ({})", stop.outcome(), stop.message());
                }
                return new Round(stop.outcome(), stop.message(), acceptedThisRound);
            }
            if (step instanceof Aligned && ++alignments > MAX_CURSOR_ALIGNMENTS_PER_ROUND) {
                return new Round(RoundOutcome.REJECTED, "the bank keeps answering SEQ_GAP after aligning with "
                        + "its cursor; will try again later", acceptedThisRound);
            }
        }
    }

    private Step upload(SealedBatch batch) {
        UUID id = batch.batchId();
        byte[] body = store.body(id);
        store.markSending(id);
        BankReply reply = client.send(BankRequest.post(ApiPaths.batches(client.terminalId()), body, id.toString()));
        if (reply instanceof BankReply.NoAnswer noAnswer) {
            store.markUnknown(id, "no answer to upload: " + noAnswer.reason() + " " + noAnswer.detail());
            if (noAnswer.reason() == BankReply.Reason.AUTH_PROBLEM) {
                return new Stop(RoundOutcome.AUTH_PROBLEM, noAnswer.detail());
            }
            return CONTINUE;
        }
        BankReply.Answered answered = (BankReply.Answered) reply;
        if (answered.status() == 201 || answered.status() == 200) {
            return accept(batch, answered, answered.replayed() ? "accepted (replayed)" : "accepted");
        }
        if (answered.isServerError()) {
            store.markUnknown(id, "HTTP " + answered.status() + " " + client.error(answered).code()
                    + ": the bank may have committed it");
            return CONTINUE;
        }
        if (answered.isRateLimited()) {
            store.markSealed(id, "rate limited");
            Duration wait = answered.retryAfter().orElse(Duration.ofSeconds(1));
            if (wait.compareTo(client.config().retryPolicy().maxRetryAfter()) > 0) {
                return new Stop(RoundOutcome.BANK_UNREACHABLE, "the bank asks to wait " + wait.toSeconds() + " s");
            }
            return pause(wait) ? CONTINUE : new Stop(RoundOutcome.INTERRUPTED, "interrupted");
        }
        ApiError error = client.error(answered);
        if (error.is(ErrorCode.SEQ_GAP)) {
            store.markSealed(id, "SEQ_GAP, bank expects seq " + error.longDetail("expected_seq").orElse(-1L));
            return alignWithCursor(batch, error);
        }
        if (error.is(ErrorCode.REPLAYED)) {
            store.markSealed(id, describe(answered.status(), error) + ": not executed, send again signed afresh");
            return CONTINUE;
        }
        if (answered.status() == 401) {
            store.markSealed(id, describe(answered.status(), error));
            return new Stop(RoundOutcome.REJECTED, "the bank refused the request's signature ("
                    + describe(answered.status(), error) + "): check the terminal clock and bank.key");
        }
        store.quarantine(id, describe(answered.status(), error));
        LOG.error("batch {} (seq {}-{}) quarantined: {}", id, batch.firstSeq(), batch.lastSeq(),
                describe(answered.status(), error));
        return CONTINUE;
    }

    private Step resolve(SealedBatch batch) {
        UUID id = batch.batchId();
        BankReply reply = client.call(BankRequest.get(ApiPaths.batch(client.terminalId(), id.toString())));
        if (reply instanceof BankReply.NoAnswer noAnswer) {
            return new Stop(noAnswer.reason() == BankReply.Reason.AUTH_PROBLEM ? RoundOutcome.AUTH_PROBLEM
                    : RoundOutcome.BANK_UNREACHABLE, "batch " + id + " outcome still unknown: " + noAnswer.detail());
        }
        BankReply.Answered answered = (BankReply.Answered) reply;
        if (answered.status() == 200 || answered.status() == 201) {
            return accept(batch, answered, "confirmed by the bank after an unknown outcome");
        }
        ApiError error = client.error(answered);
        if (answered.status() == 404 && error.is(ErrorCode.NOT_FOUND)) {
            store.markSealed(id, "the bank does not hold it: resend the same bytes");
            return CONTINUE;
        }
        if (answered.status() == 401) {
            return new Stop(RoundOutcome.REJECTED, "the bank refused the request's signature ("
                    + describe(answered.status(), error) + "): check the terminal clock and bank.key");
        }
        return new Stop(RoundOutcome.BANK_UNREACHABLE, "batch " + id + " outcome still unknown: "
                + describe(answered.status(), error));
    }

    private Step accept(SealedBatch batch, BankReply.Answered answered, String how) {
        BatchAccepted body = client.read(answered, BatchAccepted.class);
        boolean matches = batch.batchId().toString().equals(body.batchId())
                && batch.firstSeq() == body.firstSeq() && batch.lastSeq() == body.lastSeq()
                && batch.count() == body.count() && batch.debitTotalFen() == body.debitTotalFen()
                && batch.creditTotalFen() == body.creditTotalFen();
        if (!matches) {
            store.quarantine(batch.batchId(), "the bank's acceptance does not match the batch: " + body);
            return CONTINUE;
        }
        store.markAccepted(batch.batchId(), body.acceptedAt(), how);
        acceptedThisRound++;
        LOG.debug("batch {} seq {}-{} {}", batch.batchId(), batch.firstSeq(), batch.lastSeq(), how);
        return CONTINUE;
    }

    /**
     * SEQ_GAP: the bank's idea of our last seq differs from ours. If the bank's last entry is the same
     * as ours at that seq (the chain makes every earlier one equal too), align with it; else quarantine.
     */
    private Step alignWithCursor(SealedBatch batch, ApiError gap) {
        BankReply reply = client.call(BankRequest.get(ApiPaths.cursor(client.terminalId())));
        if (!(reply instanceof BankReply.Answered answered) || answered.status() != 200) {
            return reply instanceof BankReply.NoAnswer noAnswer && noAnswer.reason() == BankReply.Reason.AUTH_PROBLEM
                    ? new Stop(RoundOutcome.AUTH_PROBLEM, noAnswer.detail())
                    : new Stop(RoundOutcome.BANK_UNREACHABLE, "SEQ_GAP but the bank's cursor could not be read");
        }
        Cursor cursor = client.read(answered, Cursor.class);
        long held = cursor.lastSeq();
        long localLast = journal.lastSeq();
        if (held > localLast) {
            store.quarantine(batch.batchId(), "the bank holds seq " + held + ", beyond the local journal (last seq "
                    + localLast + ")");
            return CONTINUE;
        }
        String localHash = held == 0 ? EntryHashes.genesis(client.terminalId()) : entryAt(held).entryHash();
        if (!localHash.equals(cursor.lastEntryHash())) {
            store.quarantine(batch.batchId(), "the bank's entry at seq " + held + " has hash "
                    + cursor.lastEntryHash() + " but the local journal has " + localHash);
            return CONTINUE;
        }
        String reason = "SEQ_GAP expected_seq=" + gap.longDetail("expected_seq").orElse(-1L) + ", cursor last_seq="
                + held;
        LOG.info("aligning with the bank's cursor: {}", reason);
        store.alignWithBank(held, reason);
        return new Aligned();
    }

    private JournalEntry entryAt(long seq) {
        List<JournalEntry> entries = journal.entries(seq, 1);
        if (entries.isEmpty() || entries.get(0).seq() != seq) {
            throw new IllegalStateException("journal has no entry at seq " + seq);
        }
        return entries.get(0);
    }

    private boolean pause(Duration wait) {
        try {
            client.sleeper().sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String describe(int status, ApiError error) {
        String text = "HTTP " + status + " " + error.code();
        if (!error.message().isEmpty()) {
            text += ": " + error.message();
        }
        if (!error.details().isEmpty()) {
            text += " " + error.details();
        }
        return text;
    }
}
