package org.tongpos.sync.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.sync.batch.SandboxFixture;
import org.tongpos.sync.batch.SyncService;
import org.tongpos.sync.client.BankClient;
import org.tongpos.sync.client.BankUnavailableException;
import org.tongpos.sync.client.Jdbc;
import org.tongpos.sync.client.SyncSchema;
import org.tongpos.sync.client.TestDatabase;
import org.tongpos.sync.client.TestJournal;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.sync.sandbox.DemoAccount;
import org.tongpos.sync.sandbox.Fault;
import org.tongpos.sync.sandbox.SandboxFaults;
import org.tongpos.sync.wire.AccountChangeKind;

/** The canteen accounts feed and the bank keys, against the sandbox bank's demo accounts. */
class AccountFeedContractTest {

    @TempDir
    Path dir;
    private SandboxFixture sandbox;
    private DataSource db;
    private BankClient client;

    @BeforeEach
    void start() {
        sandbox = new SandboxFixture(dir.resolve("bank"));
        db = TestDatabase.inMemory();
        SyncSchema.migrate(db);
        client = sandbox.client();
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    private AccountFeed feed(int pageSize) {
        return new AccountFeed(client, new Jdbc(db), Clock.systemUTC(), pageSize);
    }

    private void assertReplicaEqualsBank(AccountReplica replica) {
        List<DemoAccount> bank = sandbox.bank().accounts();
        assertThat(replica.count()).isEqualTo(bank.size());
        for (DemoAccount account : bank) {
            assertThat(replica.byAccountId(account.accountId())).hasValueSatisfying(local -> {
                assertThat(local.balanceFen()).isEqualTo(account.balanceFen());
                assertThat(local.subsidyFen()).isEqualTo(account.subsidyFen());
                assertThat(local.cardUid()).isEqualTo(account.cardUid());
                assertThat(local.name()).isEqualTo(account.name());
                assertThat(local.dinerId()).isEqualTo(account.dinerId());
            });
        }
    }

    @Test
    void pullingInSmallPagesReplicatesEveryAccount() {
        AccountFeed feed = feed(2);
        long applied = feed.pull();
        assertThat(applied).isGreaterThanOrEqualTo(sandbox.bank().accounts().size());
        assertThat(feed.cursor()).isPresent();
        assertReplicaEqualsBank(feed.replica());
        assertThat(feed.pull()).isZero();
    }

    @Test
    void laterChangesAreAppliedOnceFromTheStoredCursor() {
        AccountFeed feed = feed(100);
        feed.pull();
        DemoAccount first = sandbox.bank().accounts().get(0);
        sandbox.bank().changeAccount(first.accountId(), AccountChangeKind.TOPUP, 5000);
        sandbox.bank().changeAccount(first.accountId(), AccountChangeKind.HOTLIST, 0);

        AccountFeed restarted = feed(100);
        assertThat(restarted.pull()).isEqualTo(2);

        assertReplicaEqualsBank(restarted.replica());
        BankAccount local = restarted.replica().byAccountId(first.accountId()).orElseThrow();
        assertThat(local.balanceFen()).isEqualTo(first.balanceFen() + 5000);
        assertThat(local.hotlisted()).isTrue();
        assertThat(local.usable()).isFalse();
        assertThat(restarted.replica().byCardUid(first.cardUid())).hasValueSatisfying(
                a -> assertThat(a.accountId()).isEqualTo(first.accountId()));
    }

    @Test
    void mealsChargedToAnAccountArriveAsDebitsWithTheBalanceAfter() {
        DemoAccount diner = sandbox.bank().accounts().get(0);
        TestJournal journal = new TestJournal(SandboxFixture.TERMINAL, 3);
        journal.append(EntryKind.MEAL, TestJournal.DATE,
                List.of(new EntryTender(TenderMethod.ACCOUNT, 1200, diner.accountId())), "");
        assertThat(new SyncService(client, db, journal, Clock.systemUTC()).syncNow().upToDate()).isTrue();

        AccountFeed feed = feed(500);
        feed.pull();

        BankAccount local = feed.replica().byAccountId(diner.accountId()).orElseThrow();
        assertThat(local.lastChange()).isEqualTo("DEBIT");
        assertThat(local.balanceFen()).isEqualTo(diner.balanceFen() - 1200);
        assertReplicaEqualsBank(feed.replica());
    }

    @Test
    void aPageLostInTransitIsFetchedAgainAndNothingIsAppliedTwice() {
        sandbox.bank().faults().inject("GET", "/v1/merchants/M001/accounts/changes", Fault.dropAfterCommit(), 1);
        AccountFeed feed = feed(3);
        feed.pull();
        assertReplicaEqualsBank(feed.replica());
    }

    @Test
    void bankUnreachableLeavesTheCursorWhereItWas() {
        AccountFeed feed = feed(2);
        sandbox.bank().faults().inject("GET", "/v1/merchants/M001/accounts/changes", Fault.dropBeforeExecuting(),
                SandboxFaults.FOREVER);
        assertThatThrownBy(feed::pull).isInstanceOf(BankUnavailableException.class);
        assertThat(feed.cursor()).isEmpty();
        assertThat(feed.replica().count()).isZero();
    }

    @Test
    void bankKeysAreStoredForOfflineQrVerification() {
        BankKeyStore keys = new BankKeyStore(client, new Jdbc(db), Clock.systemUTC());
        assertThat(keys.refresh()).isEqualTo(1);
        assertThat(keys.keys()).containsExactly(sandbox.bank().publishedKey());
        assertThat(keys.publicKey(sandbox.bank().publishedKey().keyId())).hasValueSatisfying(
                k -> assertThat(k).hasSize(32));
    }

    @Test
    void everyChangeKindLeavesTheReplicaAsTheBankHoldsIt() {
        DemoAccount diner = sandbox.bank().accounts().get(1);
        sandbox.bank().changeAccount(diner.accountId(), AccountChangeKind.SUBSIDY, -2500);
        sandbox.bank().changeAccount(diner.accountId(), AccountChangeKind.HOTLIST, 0);
        sandbox.bank().changeAccount(diner.accountId(), AccountChangeKind.UNHOTLIST, 0);
        TestJournal journal = new TestJournal(SandboxFixture.TERMINAL, 5);
        journal.append(EntryKind.MEAL, TestJournal.DATE, List.of(new EntryTender(TenderMethod.SUBSIDY, 800,
                diner.accountId()), new EntryTender(TenderMethod.ACCOUNT, 400, diner.accountId())), "");
        journal.append(EntryKind.MEAL_REFUND, TestJournal.DATE, List.of(new EntryTender(TenderMethod.SUBSIDY, 800,
                diner.accountId()), new EntryTender(TenderMethod.ACCOUNT, 400, diner.accountId())),
                journal.all().get(0).txnId());
        assertThat(new SyncService(client, db, journal, Clock.systemUTC()).syncNow().upToDate()).isTrue();
        DemoAccount closed = sandbox.bank().accounts().get(2);
        sandbox.bank().changeAccount(closed.accountId(), AccountChangeKind.CLOSE, 0);

        AccountFeed feed = feed(500);
        feed.pull();

        assertReplicaEqualsBank(feed.replica());
        BankAccount local = feed.replica().byAccountId(diner.accountId()).orElseThrow();
        assertThat(local.lastChange()).isEqualTo("CREDIT");
        assertThat(local.hotlisted()).isFalse();
        assertThat(local.subsidyFen()).isEqualTo(diner.subsidyFen() - 2500);
        assertThat(feed.replica().byAccountId(closed.accountId()).orElseThrow().closed()).isTrue();
        assertThat(feed.replica().byCardUid(closed.cardUid()).orElseThrow().usable()).isFalse();
    }

    @Test
    void theListenerSeesEachChangeOnceAndInThePagesTransaction() throws Exception {
        try (java.sql.Connection c = db.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE seen (feed_cursor VARCHAR(20) PRIMARY KEY, kind VARCHAR(16))");
        }
        int[] failOn = {5};
        int[] calls = {0};
        AccountChangeListener listener = (c, change) -> {
            if (++calls[0] == failOn[0]) {
                throw new java.sql.SQLException("listener failed");
            }
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO seen VALUES (?, ?)")) {
                ps.setString(1, change.cursor());
                ps.setString(2, change.change().name());
                ps.executeUpdate();
            }
        };
        AccountFeed failing = new AccountFeed(client, new Jdbc(db), Clock.systemUTC(), 3,
                new FeedHooks(FeedHooks.NONE.nameInitials(), listener));
        assertThatThrownBy(failing::pull).isInstanceOf(RuntimeException.class);
        assertThat(seen()).as("the first page only").isEqualTo(3);
        assertThat(failing.replica().count()).isPositive();

        failOn[0] = -1;
        failing.pull();
        try (java.sql.Connection c = db.getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT MAX(CAST(feed_cursor AS BIGINT)) FROM seen")) {
            rs.next();
            assertThat(Long.toString(rs.getLong(1))).isEqualTo(failing.cursor().orElseThrow());
        }
        assertThat(seen()).as("every change once (the table refuses a second)").isEqualTo(
                Long.parseLong(failing.cursor().orElseThrow()));
        assertReplicaEqualsBank(failing.replica());
    }

    private long seen() throws Exception {
        try (java.sql.Connection c = db.getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM seen")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void namesAreFoundByPrefixAndByTheInitialsTheTerminalComputes() {
        java.util.Map<String, String> initials = java.util.Map.of("张伟", "zw", "王芳", "wf", "李娜", "ln");
        AccountFeed feed = new AccountFeed(client, new Jdbc(db), Clock.systemUTC(), 100,
                new FeedHooks(name -> initials.getOrDefault(name, ""), AccountChangeListener.NONE));
        assertThat(feed.lastPulledAt()).isEmpty();
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);
        feed.pull();

        assertThat(feed.lastPulledAt()).hasValueSatisfying(at -> assertThat(at).isAfter(before));
        assertThat(feed.replica().byInitialsPrefix("ZW", 10)).extracting(BankAccount::accountId).containsExactly("A0001");
        assertThat(feed.replica().byInitialsPrefix("w", 10)).extracting(BankAccount::name).containsExactly("王芳");
        assertThat(feed.replica().byNamePrefix("李", 10)).extracting(BankAccount::dinerId).containsExactly("D0003");
        assertThat(feed.replica().byNamePrefix("%", 10)).as("LIKE wildcards are plain text").isEmpty();
        assertThat(feed.replica().byCardUid("04a1b2c3")).as("card UIDs in any case").isPresent();
    }
}
