package org.tongpos.sync.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.tongpos.sync.client.Jdbc;
import org.tongpos.sync.client.SyncSchema;
import org.tongpos.sync.client.TestDatabase;
import org.tongpos.sync.wire.AccountChange;
import org.tongpos.sync.wire.AccountChangeKind;

/**
 * The in-memory card index: its hash table against a plain map, and the replica's card lookups through it against the
 * database's own answer after a mixed feed (new accounts, cards moved, reissued, removed, hotlisted, closed, balances
 * moved, a page rolled back, the index built midway and again on open).
 */
class CardIndexTest {

    @Test
    void theTableAgreesWithAMapThroughAddsRemovesAndGrowth() {
        Random random = new Random(16);
        CardIndex index = new CardIndex();
        Map<String, Long> model = new HashMap<>();
        List<String> uids = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            uids.add(i % 7 == 0 ? String.format("%014X", random.nextLong() & 0xFFFFFFFFFFFFFFL)
                    : i % 11 == 0 ? String.format("%020X", i) : String.format("%08X", random.nextInt()));
        }
        for (int step = 0; step < 200_000; step++) {
            String uid = uids.get(random.nextInt(uids.size()));
            long row = random.nextInt(50_000);
            Long held = model.get(uid);
            if (held == null) {
                index.add(uid, row);
                model.put(uid, row);
            } else if (random.nextBoolean()) {
                index.remove(uid, held);
                if (held != CardIndex.SHARED) {
                    model.remove(uid);
                }
            } else if (random.nextInt(20) == 0) {
                index.add(uid, held == CardIndex.SHARED ? row : held + 1);
                model.put(uid, CardIndex.SHARED);
            }
            if (step % 20_000 == 0 || step == 199_999) {
                for (String u : uids) {
                    assertThat(index.lookup(u)).as(u).isEqualTo(model.getOrDefault(u, CardIndex.ABSENT));
                    assertThat(index.lookup(u.toLowerCase())).isEqualTo(model.getOrDefault(u, CardIndex.ABSENT));
                }
                assertThat(index.size()).isEqualTo(model.size());
            }
        }
    }

    @Test
    void uidsArePackedWithTheirLengthAndOnlyAsciiHexIsPacked() {
        assertThat(CardIndex.pack("0A")).isNotEqualTo(CardIndex.pack("00A"));
        assertThat(CardIndex.pack("04d1e2")).isEqualTo(CardIndex.pack("04D1E2"));
        assertThat(CardIndex.pack("０4")).as("a full-width digit is not hex").isZero();
        assertThat(CardIndex.pack("0123456789ABCDEF")).as("16 digits go to the map").isZero();
        CardIndex index = new CardIndex();
        index.add("０4", 7);
        assertThat(index.lookup("04")).isEqualTo(CardIndex.ABSENT);
        assertThat(index.lookup("０4")).isEqualTo(7);
        assertThatThrownBy(() -> index.add("04", -3)).isInstanceOf(IllegalArgumentException.class);
    }

    private static final String[] KINDS_AFTER_OPEN = {"UPDATE", "TOPUP", "DEBIT", "CREDIT", "HOTLIST", "UNHOTLIST",
        "CLOSE", "SUBSIDY", "OPEN"};

    @Test
    void cardLookupsThroughTheIndexEqualTheDatabaseAfterAMixedFeed() {
        DataSource db = TestDatabase.inMemory();
        SyncSchema.migrate(db);
        Jdbc jdbc = new Jdbc(db);
        AccountReplica replica = new AccountReplica(jdbc, Clock.systemUTC());
        Random random = new Random(8);
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            pool.add(i % 13 == 0 ? String.format("%020X", i) : String.format("%08X", 0x04000000 + i));
        }
        List<String> opened = new ArrayList<>();
        int cursor = 0;
        for (int page = 0; page < 120; page++) {
            if (page == 10) {
                assertThat(replica.cardIndex().size()).as("built midway from the table").isPositive();
            }
            List<AccountChange> changes = new ArrayList<>();
            int size = 1 + random.nextInt(40);
            for (int k = 0; k < size; k++) {
                boolean open = opened.isEmpty() || random.nextInt(4) == 0;
                String account = open ? "A" + opened.size() : opened.get(random.nextInt(opened.size()));
                if (open) {
                    opened.add(account);
                }
                AccountChangeKind kind = open ? AccountChangeKind.OPEN
                        : AccountChangeKind.valueOf(KINDS_AFTER_OPEN[random.nextInt(KINDS_AFTER_OPEN.length)]);
                // OPEN and UPDATE describe the account: a card from a small pool (so cards are shared and reissued),
                // sometimes none; in lower case now and then, as a feed might send it
                String card = random.nextInt(8) == 0 ? "" : pool.get(random.nextInt(pool.size()));
                card = random.nextInt(5) == 0 ? card.toLowerCase() : card;
                changes.add(new AccountChange(String.valueOf(++cursor), account, "D" + account, "名" + account, "部",
                        "STAFF", card, kind, 100, random.nextInt(10_000), random.nextInt(1_000), "", ""));
            }
            boolean rolledBack = page % 17 == 16;
            try {
                AccountReplica.CardChanges cards = jdbc.inTransaction((Connection c) -> {
                    AccountReplica.CardChanges applied = replica.applyPage(c, changes);
                    if (rolledBack) {
                        throw new IllegalStateException("the page is rolled back");
                    }
                    return applied;
                });
                replica.pageCommitted(cards);
            } catch (IllegalStateException e) {
                replica.pageAbandoned();
            }
            if (page % 10 == 9 || page == 119) {
                assertLookupsMatch(replica, pool);
                assertNoStaleRows(jdbc, replica, pool);
            }
        }
        assertLookupsMatch(new AccountReplica(jdbc, Clock.systemUTC()), pool);
        assertThat(replica.cardIndex().size()).isPositive();
        replica.close();
    }

    /** Every row the index names still holds the card in the database (cards given up have left the index). */
    private static void assertNoStaleRows(Jdbc jdbc, AccountReplica replica, List<String> pool) {
        for (String uid : pool) {
            long row = replica.cardIndex().lookup(uid);
            if (row >= 0) {
                String held = jdbc.read(c -> {
                    try (var ps = c.prepareStatement("SELECT card_uid FROM bank_account WHERE _ROWID_ = ?")) {
                        ps.setLong(1, row);
                        try (var rs = ps.executeQuery()) {
                            return rs.next() ? rs.getString(1) : null;
                        }
                    }
                });
                assertThat(held).as("row %d for %s", row, uid).isEqualTo(uid);
            }
        }
    }

    private static void assertLookupsMatch(AccountReplica replica, List<String> pool) {
        int found = 0;
        for (String uid : pool) {
            for (String asked : List.of(uid, uid.toLowerCase())) {
                var expected = replica.byCardUidInDatabase(asked.toUpperCase());
                assertThat(replica.byCardUid(asked)).as(asked).isEqualTo(expected);
                found += expected.isPresent() ? 1 : 0;
            }
        }
        assertThat(replica.byCardUid("FFFFFFFF")).isEmpty();
        assertThat(found).as("the feed put cards on accounts").isPositive();
    }
}
