package org.tongpos.sync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;
import org.tongpos.sync.journal.EntryHashes;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.sync.signing.Credentials;
import org.tongpos.sync.wire.BatchRequest;
import org.tongpos.sync.wire.SettlementRequest;
import org.tongpos.sync.wire.SettlementResult;
import org.tongpos.sync.wire.SettlementStatus;
import org.tongpos.sync.wire.StatementInfo;

/**
 * For any day of random entries: the day settles in balance, the statement's hash matches its bytes, it has
 * one row per non-cash tender in seq and tender order, net = amount - fee on each row, refunds negative,
 * and the trailer holds the plain sums.
 */
class StatementInvariantsProperty {

    private static final String KEY = TestTerminal.newKey((byte) 5);
    private static final String DATE = "2027-01-15";
    private Path dataDir;
    private SandboxBank bank;
    private TestTerminal terminal;
    private TestJournal journal;

    /**
     * A new bank for every try and every shrinking step: a try that fails leaves entries the bank never took, and
     * the next try would otherwise fail on that (SEQ_GAP) instead of on its own sample.
     */
    @BeforeTry
    void startBank() throws Exception {
        dataDir = Files.createTempDirectory("statement-property");
        bank = SandboxBank.start(new SandboxBankConfig(0, dataDir, Map.of("T0001", KEY), "M001"));
        terminal = new TestTerminal(bank.origin(), Credentials.fromBase64("T0001", KEY), Clock.systemUTC());
        journal = new TestJournal("T0001").onDate(DATE);
    }

    @AfterTry
    void stopBank() throws Exception {
        bank.stop();
        try (var paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    record Sale(boolean refund, List<Long> tenderAmounts) {
    }

    @Provide
    Arbitrary<List<Sale>> days() {
        return Combinators.combine(Arbitraries.of(true, false, false, false),
                Arbitraries.longs().between(1, 2_000_000).list().ofMinSize(1).ofMaxSize(5)).as(Sale::new)
                .list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 10)
    void statementRowsAndTrailerFollowTheEntries(@ForAll("days") List<Sale> sales)
            throws Exception {
        String date = DATE;
        List<JournalEntry> entries = new ArrayList<>();
        long debit = 0;
        long credit = 0;
        String lastSale = null;
        for (Sale sale : sales) {
            List<EntryTender> tenders = new ArrayList<>();
            long amount = 0;
            TenderMethod[] methods = TenderMethod.values();
            for (int i = 0; i < sale.tenderAmounts().size(); i++) {
                TenderMethod method = methods[i];
                String reference = method == TenderMethod.CASH ? "" : "ref-" + i;
                tenders.add(new EntryTender(method, sale.tenderAmounts().get(i), reference));
                amount += sale.tenderAmounts().get(i);
            }
            boolean refund = sale.refund() && lastSale != null;
            JournalEntry entry = journal.add(refund ? EntryKind.REFUND : EntryKind.SALE, amount,
                    refund ? lastSale : "", tenders.toArray(EntryTender[]::new));
            if (refund) {
                credit += amount;
            } else {
                debit += amount;
                lastSale = entry.txnId();
            }
            entries.add(entry);
        }
        String batchId = "b-" + date;
        assertThat(terminal.post("/v1/terminals/T0001/batches", BatchRequest.of(batchId, entries), batchId).status())
                .isEqualTo(201);

        String settlementId = "s-" + date;
        SettlementResult settled = terminal.post("/v1/terminals/T0001/settlements",
                new SettlementRequest(settlementId, date, entries.size(), debit, credit), settlementId)
                .as(SettlementResult.class);
        StatementInfo info = terminal.get("/v1/terminals/T0001/statements/" + date).as(StatementInfo.class);
        byte[] csv = terminal.get(info.downloadPath()).body();

        assertThat(settled.status()).isEqualTo(SettlementStatus.IN_BALANCE);
        assertThat(info.hashValue()).isEqualTo(EntryHashes.sha256Hex(csv));
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n").doesNotContain("\r");
        String[] lines = text.split("\n");
        assertThat(lines[0]).isEqualTo(StatementWriter.HEADER);
        List<String> expectedKeys = new ArrayList<>();
        for (JournalEntry entry : entries) {
            for (EntryTender tender : entry.tenders()) {
                if (tender.method() != TenderMethod.CASH) {
                    long signed = entry.kind().isCredit() ? -tender.amountFen() : tender.amountFen();
                    expectedKeys.add(entry.txnId() + "," + entry.seq() + "," + tender.method() + "," + signed);
                }
            }
        }
        long amountSum = 0;
        long feeSum = 0;
        long netSum = 0;
        List<String> actualKeys = new ArrayList<>();
        for (int i = 1; i < lines.length - 1; i++) {
            String[] f = lines[i].split(",");
            long amount = Long.parseLong(f[5]);
            long fee = Long.parseLong(f[6]);
            long net = Long.parseLong(f[7]);
            assertThat(net).isEqualTo(amount - fee);
            assertThat(Long.signum(fee)).isIn(0, Long.signum(amount));
            assertThat(f[9]).isEqualTo("SETTLED");
            actualKeys.add(f[0] + "," + f[1] + "," + f[4] + "," + amount);
            amountSum += amount;
            feeSum += fee;
            netSum += net;
        }
        assertThat(actualKeys).containsExactlyElementsOf(expectedKeys);
        assertThat(lines[lines.length - 1])
                .isEqualTo("#TOTAL," + expectedKeys.size() + "," + amountSum + "," + feeSum + "," + netSum);
    }
}
