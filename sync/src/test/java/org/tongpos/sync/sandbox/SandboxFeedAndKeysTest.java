package org.tongpos.sync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.sync.wire.AccountChange;
import org.tongpos.sync.wire.AccountChangeKind;
import org.tongpos.sync.wire.AccountChangesPage;
import org.tongpos.sync.wire.BankKey;
import org.tongpos.sync.wire.BankKeys;
import org.tongpos.sync.wire.BatchRequest;
import org.tongpos.sync.wire.ErrorCode;

class SandboxFeedAndKeysTest extends SandboxTestBase {

    private static final String FEED = "/v1/merchants/M001/accounts/changes";

    @Test
    void feedStartsWithTheDemoAccountsAndPagesByCursor() throws Exception {
        AccountChangesPage first = page(null, 5);

        assertThat(first.changes()).hasSize(5);
        assertThat(first.hasMore()).isTrue();
        assertThat(first.changes().get(0).change()).isEqualTo(AccountChangeKind.OPEN);
        assertThat(first.changes().get(0).accountId()).isEqualTo("A0001");
        assertThat(first.nextCursor()).isEqualTo(first.changes().get(4).cursor());

        List<AccountChange> all = new ArrayList<>(first.changes());
        AccountChangesPage page = first;
        while (page.hasMore()) {
            page = page(page.nextCursor(), 5);
            all.addAll(page.changes());
        }
        assertThat(all).extracting(AccountChange::cursor).doesNotHaveDuplicates()
                .allMatch(cursor -> cursor.matches("[0-9]+"));
        assertThat(all.stream().filter(c -> c.change() == AccountChangeKind.OPEN)).hasSize(8);
        assertThat(all.get(all.size() - 1).change()).isEqualTo(AccountChangeKind.HOTLIST);
        AccountChangesPage empty = page(page.nextCursor(), 5);
        assertThat(empty.changes()).isEmpty();
        assertThat(empty.hasMore()).isFalse();
        assertThat(empty.nextCursor()).as("after, when the page is empty").isEqualTo(page.nextCursor());
    }

    @Test
    void anEmptyPageEchoesAfterExactlyAsSent() throws Exception {
        String last = page(null, 500).nextCursor();
        String padded = "00" + last;

        AccountChangesPage empty = page(padded, 5);

        assertThat(empty.changes()).isEmpty();
        assertThat(empty.nextCursor()).isEqualTo(padded);
        assertThat(page("007", 2).changes()).extracting(AccountChange::cursor).containsExactly("8", "9");
    }

    @Test
    void limitDefaultsTo100AndIsCappedAt500() throws Exception {
        for (int i = 0; i < 600; i++) {
            bank.changeAccount("A0002", AccountChangeKind.TOPUP, 1);
        }

        assertThat(t1.get(FEED).as(AccountChangesPage.class).changes()).hasSize(100);
        assertThat(t1.get(FEED + "?limit=9999").as(AccountChangesPage.class).changes()).hasSize(500);
        assertThat(t1.get(FEED + "?limit=0").error().is(ErrorCode.PARAM_ERROR)).isTrue();
        assertThat(t1.get(FEED + "?after=abc").error().is(ErrorCode.PARAM_ERROR)).isTrue();
        assertThat(t1.get("/v1/merchants/M999/accounts/changes").status()).isEqualTo(404);
    }

    @Test
    void acceptedAccountAndSubsidyTendersBecomeDebitsAndCreditsWithBalancesAfter() throws Exception {
        String after = page(null, 500).nextCursor();
        TestJournal journal = new TestJournal("T0001");
        JournalEntry meal = journal.add(EntryKind.MEAL, 1500, "", new EntryTender(TenderMethod.SUBSIDY, 1000, "A0001"),
                new EntryTender(TenderMethod.ACCOUNT, 500, "A0001"));
        JournalEntry refund = journal.add(EntryKind.MEAL_REFUND, 500, meal.txnId(),
                new EntryTender(TenderMethod.ACCOUNT, 500, "A0001"));
        JournalEntry overdraft = journal.add(EntryKind.MEAL, 60_000, "",
                new EntryTender(TenderMethod.ACCOUNT, 60_000, "A0002"));
        assertThat(t1.post("/v1/terminals/T0001/batches", BatchRequest.of("b-1", journal.all()), "b-1").status())
                .isEqualTo(201);

        List<AccountChange> changes = page(after, 10).changes();

        assertThat(changes).hasSize(3);
        assertThat(changes.get(0)).extracting(AccountChange::change, AccountChange::amountFen,
                AccountChange::balanceFen, AccountChange::subsidyFen, AccountChange::txnId, AccountChange::terminalId)
                .containsExactly(AccountChangeKind.DEBIT, 1500L, 19_500L, 29_000L, meal.txnId(), "T0001");
        assertThat(changes.get(1)).extracting(AccountChange::change, AccountChange::amountFen,
                AccountChange::balanceFen, AccountChange::txnId)
                .containsExactly(AccountChangeKind.CREDIT, 500L, 20_000L, refund.txnId());
        assertThat(changes.get(2)).extracting(AccountChange::accountId, AccountChange::balanceFen)
                .as("offline overdraft is recorded, not refused").containsExactly("A0002", -40_000L);
        assertThat(changes.get(2).dinerId()).isEqualTo("D0002");
        assertThat(changes.get(2).name()).isEqualTo("王芳");
    }

    @Test
    void keysArePublishedAsRawEd25519AndVerifyIssuedQrCodes() throws Exception {
        BankKeys keys = t1.get("/v1/keys").as(BankKeys.class);
        assertThat(keys.keys()).hasSize(1);
        BankKey key = keys.keys().get(0);
        assertThat(key.algorithm()).isEqualTo("Ed25519");
        assertThat(key.keyId()).matches("[A-Za-z0-9_-]+");
        byte[] raw = Base64.getDecoder().decode(key.publicKey());
        assertThat(raw).hasSize(32);

        String qr = bank.issueDinerQr("A0003");

        assertThat(qr).startsWith("TQ1.");
        String[] parts = qr.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(parts[1] + parts[2]).doesNotContain("=", "+", "/");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        String[] fields = new String(payload, StandardCharsets.UTF_8).split("\\|");
        assertThat(fields).hasSize(5);
        assertThat(fields[0]).isEqualTo(key.keyId());
        assertThat(fields[1]).isEqualTo("D0003");
        assertThat(fields[2]).isEqualTo("A0003");
        assertThat(Long.parseLong(fields[3])).isEqualTo(clock.instant().getEpochSecond());
        assertThat(fields[4]).isNotEmpty();
        assertThat(verify(raw, payload, Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        payload[payload.length - 1] ^= 1;
        assertThat(verify(raw, payload, Base64.getUrlDecoder().decode(parts[2]))).isFalse();
    }

    @Test
    void bankKeySurvivesARestart() throws Exception {
        BankKey before = t1.get("/v1/keys").as(BankKeys.class).keys().get(0);
        String qr = bank.issueDinerQr("A0001");

        restartBank();

        assertThat(t1.get("/v1/keys").as(BankKeys.class).keys()).containsExactly(before);
        String[] parts = qr.split("\\.");
        assertThat(verify(Base64.getDecoder().decode(before.publicKey()), Base64.getUrlDecoder().decode(parts[1]),
                Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        assertThat(page(null, 500).changes().stream().filter(c -> c.change() == AccountChangeKind.OPEN))
                .as("demo accounts are seeded once").hasSize(8);
    }

    private AccountChangesPage page(String after, int limit) throws Exception {
        String query = after == null ? "?limit=" + limit : "?after=" + after + "&limit=" + limit;
        TestTerminal.Reply reply = t1.get(FEED + query);
        assertThat(reply.verified()).isTrue();
        return reply.as(AccountChangesPage.class);
    }

    /** Verifies with only the raw 32-byte key, as a terminal would: X.509 prefix for Ed25519 + raw key. */
    private static boolean verify(byte[] rawKey, byte[] payload, byte[] signature) throws Exception {
        byte[] x509 = HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(rawKey));
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(payload);
        return verifier.verify(signature);
    }
}
