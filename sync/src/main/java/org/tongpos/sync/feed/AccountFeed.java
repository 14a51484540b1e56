package org.tongpos.sync.feed;

import java.sql.Connection;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.sync.client.BankClient;
import org.tongpos.sync.client.BankReply;
import org.tongpos.sync.client.BankRequest;
import org.tongpos.sync.client.BankUnavailableException;
import org.tongpos.sync.client.Jdbc;
import org.tongpos.sync.client.SyncState;
import org.tongpos.sync.wire.AccountChange;
import org.tongpos.sync.wire.AccountChangesPage;
import org.tongpos.sync.wire.ApiPaths;

/**
 * Consumes the bank's canteen accounts change feed into {@link AccountReplica}. Each page is applied
 * together with the cursor after it in one transaction, so a crash or a lost connection resumes exactly
 * where it stopped and no change is applied twice.
 */
public final class AccountFeed {

    public static final int PAGE_SIZE = 500;
    static final String CURSOR = "feed.accounts.cursor";
    private static final Logger LOG = LoggerFactory.getLogger(AccountFeed.class);

    private final BankClient client;
    private final Jdbc jdbc;
    private final AccountReplica replica;
    private final int pageSize;

    public AccountFeed(BankClient client, Jdbc jdbc, Clock clock) {
        this(client, jdbc, clock, PAGE_SIZE);
    }

    public AccountFeed(BankClient client, Jdbc jdbc, Clock clock, int pageSize) {
        if (pageSize < 1 || pageSize > 500) {
            throw new IllegalArgumentException("feed pages are 1 to 500 changes");
        }
        this.client = client;
        this.jdbc = jdbc;
        this.replica = new AccountReplica(jdbc, clock);
        this.pageSize = pageSize;
    }

    public AccountReplica replica() {
        return replica;
    }

    /** The stored cursor; empty before the first change. */
    public Optional<String> cursor() {
        return jdbc.inTransaction(c -> SyncState.text(c, CURSOR));
    }

    /**
     * Pulls pages until the bank has no more; returns how many changes were applied. Pages applied before
     * a failure stay applied. Throws {@link BankUnavailableException} when the bank gives no usable answer.
     */
    public long pull() {
        String merchant = client.config().merchantId();
        if (merchant.isEmpty()) {
            throw new IllegalStateException("bank.merchant-id is not configured");
        }
        long applied = 0;
        while (true) {
            String after = cursor().orElse(null);
            BankReply reply = client.call(BankRequest.get(ApiPaths.accountChanges(merchant, after, pageSize)));
            if (!(reply instanceof BankReply.Answered answered) || answered.status() != 200) {
                throw new BankUnavailableException("account changes after " + after + ": "
                        + (reply instanceof BankReply.Answered a ? "HTTP " + a.status() + " " + client.error(a).code()
                        : ((BankReply.NoAnswer) reply).reason() + " " + ((BankReply.NoAnswer) reply).detail()));
            }
            AccountChangesPage page = client.read(answered, AccountChangesPage.class);
            if (!page.changes().isEmpty()) {
                jdbc.inTransaction((Connection c) -> {
                    for (AccountChange change : page.changes()) {
                        replica.apply(c, change);
                    }
                    SyncState.putText(c, CURSOR, page.nextCursor());
                    return null;
                });
                applied += page.changes().size();
            }
            if (!page.hasMore() || page.changes().isEmpty()) {
                if (applied > 0) {
                    LOG.info("account feed: {} change(s) applied, cursor {}", applied, page.nextCursor());
                }
                return applied;
            }
        }
    }
}
