package org.tongpos.sync.reconcile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import org.tongpos.sync.batch.JournalSource;
import org.tongpos.sync.client.Jdbc;
import org.tongpos.sync.journal.TenderMethod;

/**
 * Compares a (hash-verified) statement with the local journal for one business date, by txn_id and
 * tender method, streaming the statement. The run and its differences are stored in one transaction.
 */
public final class ReconciliationEngine {

    /** Opens the statement bytes; called once. */
    @FunctionalInterface
    public interface StatementSource {
        InputStream open() throws IOException;
    }

    private final Jdbc jdbc;
    private final JournalSource journal;
    private final ReconciliationStore store;

    public ReconciliationEngine(Jdbc jdbc, JournalSource journal, ReconciliationStore store) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.store = store;
    }

    public ReconciliationReport reconcile(LocalDate businessDate, String statementHash, String downloadPath,
                                          StatementSource statement) {
        String date = businessDate.toString();
        LocalTenderIndex local = new LocalTenderIndex(1024);
        journal.forEachOfBusinessDate(date, local::addEntry);
        long runId = jdbc.inTransaction(c -> {
            Long previous = store.latestRunId(c, businessDate);
            long id = store.insertRun(c, businessDate, statementHash, downloadPath);
            long[] matched = new long[2];
            long differences = 0;
            StatementTrailer trailer;
            try (ReconciliationStore.DifferenceWriter diffs = new ReconciliationStore.DifferenceWriter(c, id);
                 InputStream in = statement.open()) {
                long[] diffCount = new long[1];
                trailer = StatementParser.parse(in, row -> {
                    try {
                        classify(row, local, diffs, matched, diffCount);
                    } catch (SQLException e) {
                        throw new SqlInCallback(e);
                    }
                });
                differences = diffCount[0];
                for (int slot = 0; slot < local.capacity(); slot++) {
                    if (local.occupied(slot) && !local.seen(slot)) {
                        diffs.add(DifferenceCategory.MISSING_AT_BANK, local.txnId(slot), local.seq(slot),
                                local.method(slot).name(), local.amount(slot), null, null, null, null);
                        differences++;
                    }
                }
            } catch (SqlInCallback e) {
                throw e.sql;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the statement", e);
            }
            store.finishRun(c, id, trailer, local.size(), matched[0], matched[1], differences, previous);
            return id;
        });
        return store.report(runId);
    }

    private static void classify(StatementRow row, LocalTenderIndex local, ReconciliationStore.DifferenceWriter diffs,
                                 long[] matched, long[] diffCount) throws SQLException {
        int slot = find(row, local);
        if (slot < 0) {
            diffs.add(DifferenceCategory.MISSING_LOCALLY, row.txnId(), row.seq(), row.method(), null, row.amountFen(),
                    row.feeFen(), row.status(), row.reference());
            diffCount[0]++;
            return;
        }
        if (!local.markSeen(slot)) {
            diffs.add(DifferenceCategory.DUPLICATE_AT_BANK, row.txnId(), row.seq(), row.method(), local.amount(slot),
                    row.amountFen(), row.feeFen(), row.status(), row.reference());
            diffCount[0]++;
            return;
        }
        DifferenceCategory category;
        switch (row.status()) {
            case "REVERSED" -> category = DifferenceCategory.REVERSED_BY_BANK;
            case "ADJUSTED" -> category = DifferenceCategory.ADJUSTED_BY_BANK;
            case "SETTLED" -> category = row.amountFen() == local.amount(slot) ? null
                    : DifferenceCategory.AMOUNT_MISMATCH;
            default -> throw new StatementFormatException("unknown statement status '" + row.status() + "' for "
                    + row.txnId());
        }
        if (category == null) {
            matched[0]++;
            matched[1] = Math.addExact(matched[1], row.amountFen());
        } else {
            diffs.add(category, row.txnId(), local.seq(slot), row.method(), local.amount(slot), row.amountFen(),
                    row.feeFen(), row.status(), row.reference());
            diffCount[0]++;
        }
    }

    private static int find(StatementRow row, LocalTenderIndex local) {
        TenderMethod method;
        UUID txn;
        try {
            method = TenderMethod.valueOf(row.method());
            txn = UUID.fromString(row.txnId());
        } catch (IllegalArgumentException e) {
            return -1;
        }
        return local.find(txn.getMostSignificantBits(), txn.getLeastSignificantBits(), method.ordinal());
    }

    private static final class SqlInCallback extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final SQLException sql;

        SqlInCallback(SQLException sql) {
            super(sql);
            this.sql = sql;
        }
    }
}
