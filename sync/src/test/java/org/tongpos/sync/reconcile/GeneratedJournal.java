package org.tongpos.sync.reconcile;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import org.tongpos.sync.batch.JournalSource;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;

/**
 * A large journal computed on demand from (seed, seq), so a million entries cost no memory. Entries are
 * not hash-chained (reconciliation does not look at hashes). It can also write the matching statement.
 */
public final class GeneratedJournal implements JournalSource {

    public static final String DATE = "2026-11-30";
    private static final TenderMethod[] NON_CASH = {TenderMethod.BANK_CARD, TenderMethod.PAYMENT_CODE,
            TenderMethod.ACCOUNT, TenderMethod.SUBSIDY};
    private final long entries;
    private final long seed;

    public GeneratedJournal(long entries, long seed) {
        this.entries = entries;
        this.seed = seed;
    }

    @Override
    public long lastSeq() {
        return entries;
    }

    @Override
    public List<JournalEntry> entries(long fromSeq, int max) {
        List<JournalEntry> page = new ArrayList<>(max);
        for (long seq = fromSeq; seq < fromSeq + max && seq <= entries; seq++) {
            page.add(entry(seq));
        }
        return page;
    }

    @Override
    public void forEachOfBusinessDate(String businessDate, Consumer<JournalEntry> action) {
        if (!DATE.equals(businessDate)) {
            return;
        }
        for (long seq = 1; seq <= entries; seq++) {
            action.accept(entry(seq));
        }
    }

    /** Every entry has exactly one non-cash tender (so rows = entries) and sometimes a cash part. */
    public JournalEntry entry(long seq) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + seq);
        UUID txn = new UUID(random.nextLong(), random.nextLong());
        boolean refund = random.nextInt(20) == 0;
        TenderMethod method = NON_CASH[random.nextInt(NON_CASH.length)];
        long nonCash = 1 + random.nextInt(50_000);
        List<EntryTender> tenders = new ArrayList<>(2);
        long cash = !refund && random.nextBoolean() ? 1 + random.nextInt(2_000) : 0;
        if (cash > 0) {
            tenders.add(new EntryTender(TenderMethod.CASH, cash, ""));
        }
        tenders.add(new EntryTender(method, nonCash, "R" + Long.toHexString(random.nextLong())));
        EntryKind kind = refund ? EntryKind.REFUND : EntryKind.SALE;
        String original = refund ? new UUID(random.nextLong(), random.nextLong()).toString() : "";
        return new JournalEntry(seq, txn.toString(), kind, "2026-11-30T12:00:00+08:00", DATE, cash + nonCash, tenders,
                original, "0".repeat(64), "0".repeat(64));
    }

    /**
     * Writes the bank's statement for this journal: one row per non-cash tender, 0.38 % fee, with a REVERSED
     * row every {@code plantEvery} rows (0: none). Streams; returns the number of rows.
     */
    public long writeStatement(OutputStream out, long plantEvery) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write(StatementParser.HEADER);
        writer.write('\n');
        long rows = 0;
        long amount = 0;
        long fee = 0;
        long net = 0;
        StringBuilder line = new StringBuilder(160);
        for (long seq = 1; seq <= entries; seq++) {
            JournalEntry entry = entry(seq);
            for (EntryTender tender : entry.tenders()) {
                if (tender.method() == TenderMethod.CASH) {
                    continue;
                }
                long sign = entry.kind().isCredit() ? -1 : 1;
                long rowAmount = sign * tender.amountFen();
                long rowFee = sign * (tender.amountFen() * 3_800 / 1_000_000);
                rows++;
                String status = plantEvery > 0 && rows % plantEvery == 0 ? "REVERSED" : "SETTLED";
                line.setLength(0);
                line.append(entry.txnId()).append(',').append(seq).append(',').append(entry.kind().name()).append(',')
                        .append(DATE).append(',').append(tender.method().name()).append(',').append(rowAmount)
                        .append(',').append(rowFee).append(',').append(rowAmount - rowFee).append(',')
                        .append(tender.reference()).append(',').append(status).append('\n');
                writer.append(line);
                amount += rowAmount;
                fee += rowFee;
                net += rowAmount - rowFee;
            }
        }
        writer.write("#TOTAL," + rows + "," + amount + "," + fee + "," + net + "\n");
        writer.flush();
        return rows;
    }
}
