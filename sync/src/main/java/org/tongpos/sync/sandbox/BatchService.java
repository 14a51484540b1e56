package org.tongpos.sync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.wire.BatchAccepted;
import org.tongpos.sync.wire.Cursor;
import org.tongpos.sync.wire.DayTotals;
import org.tongpos.sync.wire.ErrorCode;

/**
 * {@code POST …/batches}, {@code GET …/batches/{id}} and {@code GET …/cursor}. Checks, in order: body
 * shape, at most 1,000 entries (413), each entry's rules (400 with its seq), contiguous seqs matching
 * {@code first_seq}/{@code last_seq}, {@code first_seq} = bank's last + 1 (409 SEQ_GAP), count and totals
 * (422 TOTALS_MISMATCH with the bank's figures), txn_ids the bank already holds (400 with seq and txn_id),
 * the hash chain from the bank's last hash (422 CHAIN_BROKEN with the first bad seq).
 */
final class BatchService {

    static final int MAX_ENTRIES = 1000;

    private final SandboxDatabase database;
    private final IdempotentExecutor idempotent;
    private final AccountFeed feed;
    private final JsonBodies bodies;
    private final Clock clock;

    BatchService(SandboxDatabase database, IdempotentExecutor idempotent, AccountFeed feed, JsonBodies bodies,
                 Clock clock) {
        this.database = database;
        this.idempotent = idempotent;
        this.feed = feed;
        this.bodies = bodies;
        this.clock = clock;
    }

    ApiResponse upload(RequestContext request, String terminalId) {
        return idempotent.execute(request, (connection, key) -> accept(connection, terminalId, key, request.body()));
    }

    ApiResponse find(String terminalId, String batchId) {
        BatchAccepted batch = database.inTransaction(connection -> Ledger.findBatch(connection, terminalId, batchId));
        if (batch == null) {
            throw ApiException.notFound("no batch " + batchId + " for terminal " + terminalId);
        }
        return bodies.respond(200, batch);
    }

    ApiResponse cursor(String terminalId) {
        return bodies.respond(200, database.inTransaction(connection -> Ledger.cursor(connection, terminalId)));
    }

    private ApiResponse accept(Connection connection, String terminalId, String key, byte[] body) throws SQLException {
        JsonNode root = bodies.object(body);
        String batchId = JsonFields.identifier(root, "batch_id");
        if (!batchId.equals(key)) {
            throw ApiException.param("Idempotency-Key must equal batch_id");
        }
        long firstSeq = JsonFields.integer(root, "first_seq");
        long lastSeq = JsonFields.integer(root, "last_seq");
        long count = JsonFields.integer(root, "count");
        long debitTotal = JsonFields.integer(root, "debit_total_fen");
        long creditTotal = JsonFields.integer(root, "credit_total_fen");
        JsonNode entryNodes = JsonFields.array(root, "entries");
        if (entryNodes.size() > MAX_ENTRIES) {
            throw new ApiException(ErrorCode.BATCH_TOO_LARGE,
                    "a batch holds at most " + MAX_ENTRIES + " entries, got " + entryNodes.size());
        }
        if (entryNodes.isEmpty()) {
            throw ApiException.param("entries must not be empty");
        }
        List<JournalEntry> entries = new ArrayList<>(entryNodes.size());
        for (int i = 0; i < entryNodes.size(); i++) {
            entries.add(EntryReader.read(entryNodes.get(i), i));
        }
        checkContiguous(entries, firstSeq, lastSeq);

        Cursor held = Ledger.cursor(connection, terminalId);
        if (firstSeq != held.lastSeq() + 1) {
            throw new ApiException(ErrorCode.SEQ_GAP, "first_seq must be " + (held.lastSeq() + 1),
                    Map.of("expected_seq", held.lastSeq() + 1));
        }
        DayTotals computed = totals(entries);
        if (count != computed.count() || debitTotal != computed.debitTotalFen()
                || creditTotal != computed.creditTotalFen()) {
            throw new ApiException(ErrorCode.TOTALS_MISMATCH, "count or totals do not match the entries",
                    Map.of("bank", computed));
        }
        checkTxnIdsAreNew(connection, entries);
        checkChain(entries, held.lastEntryHash());

        Ledger.insertEntries(connection, terminalId, batchId, entries);
        feed.recordEntries(connection, terminalId, entries);
        BatchAccepted accepted = new BatchAccepted(batchId, BatchAccepted.ACCEPTED, firstSeq, lastSeq,
                computed.count(), computed.debitTotalFen(), computed.creditTotalFen(), BankTime.now(clock));
        Ledger.insertBatch(connection, terminalId, accepted);
        return bodies.respond(201, accepted);
    }

    private static void checkContiguous(List<JournalEntry> entries, long firstSeq, long lastSeq) {
        long expected = entries.get(0).seq();
        for (JournalEntry entry : entries) {
            if (entry.seq() != expected) {
                throw new ApiException(ErrorCode.PARAM_ERROR, "entries must be contiguous: expected seq " + expected,
                        Map.of("seq", entry.seq()));
            }
            expected++;
        }
        if (firstSeq != entries.get(0).seq() || lastSeq != entries.get(entries.size() - 1).seq()) {
            throw ApiException.param("first_seq and last_seq must be the seqs of the first and last entry");
        }
    }

    static DayTotals totals(List<JournalEntry> entries) {
        long debit = 0;
        long credit = 0;
        for (JournalEntry entry : entries) {
            if (entry.kind().isCredit()) {
                credit = Math.addExact(credit, entry.amountFen());
            } else {
                debit = Math.addExact(debit, entry.amountFen());
            }
        }
        return new DayTotals(entries.size(), debit, credit);
    }

    private static void checkTxnIdsAreNew(Connection connection, List<JournalEntry> entries) throws SQLException {
        Set<String> inBatch = new HashSet<>();
        try (PreparedStatement lookup = Ledger.prepareTxnLookup(connection)) {
            for (JournalEntry entry : entries) {
                boolean repeated = !inBatch.add(entry.txnId().toLowerCase(java.util.Locale.ROOT));
                if (repeated || Ledger.seqOfTxn(connection, lookup, entry.txnId()) >= 0) {
                    throw new ApiException(ErrorCode.PARAM_ERROR, "txn_id " + entry.txnId() + " is already held",
                            Map.of("seq", entry.seq(), "txn_id", entry.txnId()));
                }
            }
        }
    }

    private static void checkChain(List<JournalEntry> entries, String heldLastHash) {
        String previous = heldLastHash;
        for (JournalEntry entry : entries) {
            if (!entry.verifies(previous)) {
                throw new ApiException(ErrorCode.CHAIN_BROKEN,
                        "entry seq " + entry.seq() + " does not link to the previous hash or does not verify",
                        Map.of("seq", entry.seq()));
            }
            previous = entry.entryHash();
        }
    }
}
