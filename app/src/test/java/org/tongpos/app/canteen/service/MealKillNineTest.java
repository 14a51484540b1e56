package org.tongpos.app.canteen.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.ChildJvm;
import org.tongpos.app.Terminal;
import org.tongpos.app.bank.service.BankTestSupport;
import org.tongpos.app.canteen.domain.DinerSource;
import org.tongpos.app.canteen.domain.MealDecision;
import org.tongpos.app.canteen.domain.MealOrder;
import org.tongpos.app.canteen.domain.RefusalReason;
import org.tongpos.app.journal.service.JournalVerifier;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.sandbox.SandboxBank;
import org.tongpos.sync.sandbox.SandboxBankConfig;

/**
 * A child JVM serves meals (meal cards of local diners, and QR codes of the sandbox bank's diners) and is killed with
 * SIGKILL at random moments, many times. After every kill: the chain verifies, every meal the child confirmed is in
 * the journal once at its seq, every MEAL entry has its meal row, the local diners were charged exactly the journal's
 * tenders, and every confirmed QR code's nonce is still spent.
 */
class MealKillNineTest {

    private static final int ROUNDS = 8;
    private static final int DINERS = 200;
    /** Monday 2026-11-30 12:00 in Shanghai: lunch. */
    private static final Instant NOON = Instant.parse("2026-11-30T04:00:00Z");
    private static final List<String> QR_ACCOUNTS = List.of("A0001", "A0002", "A0003", "A0004", "A0005", "A0007");

    @TempDir
    Path dir;

    static String card(int index) {
        return String.format("C0%06X", index);
    }

    @Test
    void killNineWhileServingNeverLosesAConfirmedMealNorChargesTwiceNorFreesASpentCode() throws Exception {
        String key = BankTestSupport.newKey();
        Path lane = dir.resolve("lane");
        Path codes = dir.resolve("codes.txt");
        try (SandboxBank bank = SandboxBank.start(new SandboxBankConfig(0, dir.resolve("bank"),
                Map.of(BankTestSupport.TERMINAL, key), BankTestSupport.MERCHANT), Clock.fixed(NOON, ZoneOffset.UTC))) {
            prepare(lane, bank, key);
            List<String> issued = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                for (String account : QR_ACCOUNTS) {
                    issued.add(bank.issueDinerQr(account));
                }
            }
            Files.write(codes, issued);
            try (Terminal terminal = Terminal.open(lane, Clock.fixed(NOON, ZoneOffset.UTC))) {
                MealDecision first = terminal.canteen().meals().decide(new MealRequest(
                        new DinerSource.QrCode(issued.get(0)), MealOrder.FIXED)).decision();
                assertThat(first.served()).as(first.toString()).isTrue();
            }
        }
        List<String> allCodes = Files.readAllLines(codes);
        Map<String, Long> confirmed = new HashMap<>();
        Map<String, Integer> confirmedQr = new HashMap<>();
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        int killedMidRun = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<String> lines = new CopyOnWriteArrayList<>();
            Process child = ChildJvm.start(MealCrashLoopMain.class, lines, lane.toString(),
                    Long.toString(NOON.getEpochSecond()), codes.toString(), Integer.toString(DINERS)).process();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lines.stream().noneMatch(l -> l.startsWith("CONFIRMED")) && System.nanoTime() < deadline
                    && child.isAlive()) {
                Thread.sleep(5);
            }
            Thread.sleep(random.nextInt(500));
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(50);
            int before = confirmed.size();
            for (String line : lines) {
                if (line.startsWith("CONFIRMED ")) {
                    String[] parts = line.split(" ");
                    confirmed.put(parts[2], Long.parseLong(parts[1]));
                    if (parts[3].equals("QR")) {
                        confirmedQr.put(parts[2], Integer.parseInt(parts[4]));
                    }
                }
            }
            if (confirmed.size() > before) {
                killedMidRun++;
            }
            check(lane, confirmed, confirmedQr, allCodes, "round " + round + ", seed " + seed);
        }
        assertThat(killedMidRun).isGreaterThanOrEqualTo(ROUNDS / 2);
        assertThat(confirmedQr).as("meals paid by QR code").isNotEmpty();
    }

    private void prepare(Path lane, SandboxBank bank, String key) throws Exception {
        try (Terminal terminal = Terminal.open(lane, Clock.fixed(NOON, ZoneOffset.UTC))) {
            BankTestSupport.configure(terminal, bank.apiBaseUrl(), key);
        }
        try (Terminal terminal = Terminal.open(lane, Clock.fixed(NOON, ZoneOffset.UTC))) {
            assertThat(terminal.bank().services().orElseThrow().refreshCanteenData().complete()).isTrue();
            CanteenServices canteen = terminal.canteen();
            canteen.demo().load();
            canteen.rules().setLimit("meals-per-period", "20", "test");
            canteen.rules().setLimit("overdraft", "9999999", "test");
            canteen.rules().setLimit("offline.account-spend", "9999999", "test");
            canteen.rules().setLimit("offline.terminal-total", "9999999", "test");
            StringBuilder csv = new StringBuilder("diner_id,name,diner_type,card_uid\n");
            for (int i = 0; i < DINERS; i++) {
                csv.append("K").append(i).append(",食客").append(i).append(",STAFF,").append(card(i)).append('\n');
            }
            assertThat(canteen.localDiners().importCsv(new ByteArrayInputStream(
                    csv.toString().getBytes(StandardCharsets.UTF_8))).imported()).isTrue();
        }
    }

    private void check(Path lane, Map<String, Long> confirmed, Map<String, Integer> confirmedQr, List<String> codes,
                       String context) {
        try (Terminal terminal = Terminal.open(lane, Clock.fixed(NOON, ZoneOffset.UTC))) {
            JournalVerifier.Result result = terminal.journalVerifier().verify();
            assertThat(result.ok()).as(context + ": " + result.problem()).isTrue();
            Map<String, Long> seqByTxn = new HashMap<>();
            long localCharged = 0;
            List<JournalEntry> entries = terminal.journal().read(1, Integer.MAX_VALUE);
            for (JournalEntry entry : entries) {
                assertThat(seqByTxn.put(entry.txnId(), entry.seq())).as(context + ": txn once").isNull();
                assertThat(entry.kind()).isEqualTo(EntryKind.MEAL);
                for (EntryTender t : entry.tenders()) {
                    if (t.reference().startsWith("L-K")) {
                        localCharged += t.amountFen();
                    }
                }
            }
            confirmed.forEach((txn, seq) -> assertThat(seqByTxn.get(txn)).as(context + ": confirmed " + txn)
                    .isEqualTo(seq));
            assertThat(terminal.canteen().mealStore().count(java.time.LocalDate.of(2026, 11, 30), null))
                    .as(context + ": a meal row per MEAL entry").isEqualTo(entries.size());
            long owed = 0;
            for (int i = 0; i < DINERS; i++) {
                var diner = terminal.canteen().diners().byDinerId("K" + i).orElseThrow();
                owed -= diner.balance().fen() + diner.subsidy().fen();
            }
            assertThat(owed).as(context + ": local diners charged exactly the journal's tenders").isEqualTo(localCharged);
            for (int index : confirmedQr.values()) {
                MealDecision decision = terminal.canteen().meals().decide(new MealRequest(
                        new DinerSource.QrCode(codes.get(index)), MealOrder.FIXED)).decision();
                assertThat(decision).isInstanceOf(MealDecision.Refused.class);
                assertThat(((MealDecision.Refused) decision).reason()).as(context + ": code " + index)
                        .isEqualTo(RefusalReason.QR_REPLAYED);
            }
        }
    }
}
