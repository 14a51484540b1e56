package org.tongpos.sync.client;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.tongpos.sync.batch.JournalSource;
import org.tongpos.sync.journal.ApiTimes;
import org.tongpos.sync.journal.EntryHashes;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;

/** An in-memory, correctly chained journal for one terminal. */
public final class TestJournal implements JournalSource {

    public static final String DATE = "2026-11-30";
    private final String terminalId;
    private final List<JournalEntry> entries = new ArrayList<>();
    private final Random random;

    public TestJournal(String terminalId, long seed) {
        this.terminalId = terminalId;
        this.random = new Random(seed);
    }

    public synchronized JournalEntry append(EntryKind kind, String businessDate, List<EntryTender> tenders,
                                            String originalTxnId) {
        long amount = tenders.stream().mapToLong(EntryTender::amountFen).sum();
        long seq = entries.size() + 1L;
        JournalEntry entry = JournalEntry.create(seq, new UUID(random.nextLong(), random.nextLong()).toString(), kind,
                occurredAt(seq), businessDate, amount, tenders, originalTxnId, previousHash());
        entries.add(entry);
        return entry;
    }

    /** A sale that reuses an earlier txn_id: a journal bug the bank refuses with PARAM_ERROR. */
    public synchronized JournalEntry saleReusingTxnId(String txnId, long cashFen) {
        long seq = entries.size() + 1L;
        JournalEntry entry = JournalEntry.create(seq, txnId, EntryKind.SALE, occurredAt(seq), DATE, cashFen,
                List.of(new EntryTender(TenderMethod.CASH, cashFen, "")), "", previousHash());
        entries.add(entry);
        return entry;
    }

    /** A sale whose prev_hash does not link to the entry before it (a corrupted journal). */
    public synchronized JournalEntry saleWithBrokenLink(long cashFen) {
        long seq = entries.size() + 1L;
        JournalEntry entry = JournalEntry.create(seq, new UUID(random.nextLong(), random.nextLong()).toString(),
                EntryKind.SALE, occurredAt(seq), DATE, cashFen, List.of(new EntryTender(TenderMethod.CASH, cashFen, "")),
                "", "0".repeat(64));
        entries.add(entry);
        return entry;
    }

    private String previousHash() {
        return entries.isEmpty() ? EntryHashes.genesis(terminalId) : entries.get(entries.size() - 1).entryHash();
    }

    private static String occurredAt(long seq) {
        return ApiTimes.format(OffsetDateTime.of(2026, 11, 30, 9, 0, 0, 0, ZoneOffset.ofHours(8)).plusSeconds(seq));
    }

    public JournalEntry sale(long cashFen, long cardFen, long codeFen) {
        List<EntryTender> tenders = new ArrayList<>();
        if (cashFen > 0) {
            tenders.add(new EntryTender(TenderMethod.CASH, cashFen, ""));
        }
        if (cardFen > 0) {
            tenders.add(new EntryTender(TenderMethod.BANK_CARD, cardFen, "C" + Long.toHexString(random.nextLong())));
        }
        if (codeFen > 0) {
            tenders.add(new EntryTender(TenderMethod.PAYMENT_CODE, codeFen, "P" + Long.toHexString(random.nextLong())));
        }
        return append(EntryKind.SALE, DATE, tenders, "");
    }

    /** {@code n} random sales and some refunds, dated {@link #DATE}. */
    public synchronized void appendRandom(int n) {
        for (int i = 0; i < n; i++) {
            if (!entries.isEmpty() && random.nextInt(10) == 0) {
                JournalEntry original = entries.get(random.nextInt(entries.size()));
                if (!original.kind().isCredit()) {
                    EntryTender first = original.tenders().get(0);
                    append(EntryKind.REFUND, DATE, List.of(new EntryTender(first.method(),
                            Math.max(1, first.amountFen() / 2), first.reference())), original.txnId());
                    continue;
                }
            }
            long cash = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(5000);
            long card = random.nextInt(3) == 0 ? 1 + random.nextInt(20000) : 0;
            long code = random.nextInt(2) == 0 ? 1 + random.nextInt(9000) : 0;
            if (cash + card + code == 0) {
                cash = 100;
            }
            sale(cash, card, code);
        }
    }

    public synchronized List<JournalEntry> all() {
        return List.copyOf(entries);
    }

    @Override
    public synchronized long lastSeq() {
        return entries.size();
    }

    @Override
    public synchronized List<JournalEntry> entries(long fromSeq, int max) {
        int from = (int) Math.max(0, fromSeq - 1);
        int to = (int) Math.min(entries.size(), from + (long) max);
        return from >= to ? List.of() : List.copyOf(entries.subList(from, to));
    }

    public String terminalId() {
        return terminalId;
    }
}
