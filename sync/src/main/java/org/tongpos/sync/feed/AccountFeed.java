package org.tongpos.sync.feed;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    /** Epoch second of the last pull that reached the end of the feed: the replica's balances are as of then. */
    static final String PULLED_AT = "feed.accounts.pulled-at";
    private static final Logger LOG = LoggerFactory.getLogger(AccountFeed.class);

    private final BankClient client;
    private final Jdbc jdbc;
    private final AccountReplica replica;
    private final int pageSize;
    private final AccountChangeListener listener;
    private final Clock clock;

    public AccountFeed(BankClient client, Jdbc jdbc, Clock clock) {
        this(client, jdbc, clock, PAGE_SIZE);
    }

    public AccountFeed(BankClient client, Jdbc jdbc, Clock clock, int pageSize) {
        this(client, jdbc, clock, pageSize, FeedHooks.NONE);
    }

    public AccountFeed(BankClient client, Jdbc jdbc, Clock clock, int pageSize, FeedHooks hooks) {
        if (pageSize < 1 || pageSize > 500) {
            throw new IllegalArgumentException("feed pages are 1 to 500 changes");
        }
        this.client = client;
        this.jdbc = jdbc;
        this.clock = clock;
        this.replica = new AccountReplica(jdbc, clock, hooks.nameInitials());
        this.listener = hooks.listener();
        this.pageSize = pageSize;
    }

    public AccountReplica replica() {
        return replica;
    }

    /** The stored cursor; empty before the first change. */
    public Optional<String> cursor() {
        return jdbc.inTransaction(c -> SyncState.text(c, CURSOR));
    }

    /** When a pull last reached the end of the feed (the replica was up to date then); empty before the first. */
    public Optional<Instant> lastPulledAt() {
        OptionalLong second = jdbc.read(c -> SyncState.number(c, PULLED_AT));
        return second.isPresent() ? Optional.of(Instant.ofEpochSecond(second.getAsLong())) : Optional.empty();
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
        // the card index is built before pages are applied, so that each page keeps it current
        replica.cardIndex();
        ExecutorService prefetch = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "account-feed-prefetch");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Fetched current = fetch(merchant, cursor().orElse(null));
            while (true) {
                AccountChangesPage page = current.page();
                boolean more = page.hasMore() && !page.changes().isEmpty();
                // the next page is asked for while this one is applied: the bank's side (query, JSON, signature) and
                // the wire overlap the replica's writes; it is used only once this page has committed
                Future<Fetched> next = more ? prefetch.submit(() -> fetch(merchant, page.nextCursor())) : null;
                try {
                    applied += apply(page);
                } catch (RuntimeException | Error e) {
                    if (next != null) {
                        next.cancel(true);
                    }
                    throw e;
                }
                if (!more) {
                    long askedAt = current.askedAt();
                    jdbc.inTransaction(c -> {
                        SyncState.putNumber(c, PULLED_AT, askedAt);
                        return null;
                    });
                    if (applied > 0) {
                        LOG.info("account feed: {} change(s) applied, cursor {}", applied, page.nextCursor());
                    }
                    return applied;
                }
                current = await(next);
            }
        } finally {
            prefetch.shutdownNow();
        }
    }

    /** A page as the bank answered it, and when it was asked for. */
    private record Fetched(long askedAt, AccountChangesPage page) {
    }

    private Fetched fetch(String merchant, String after) {
        long askedAt = clock.instant().getEpochSecond();
        BankReply reply = client.call(BankRequest.get(ApiPaths.accountChanges(merchant, after, pageSize)));
        if (!(reply instanceof BankReply.Answered answered) || answered.status() != 200) {
            throw new BankUnavailableException("account changes after " + after + ": "
                    + (reply instanceof BankReply.Answered a ? "HTTP " + a.status() + " " + client.error(a).code()
                    : ((BankReply.NoAnswer) reply).reason() + " " + ((BankReply.NoAnswer) reply).detail()));
        }
        return new Fetched(askedAt, client.read(answered, AccountChangesPage.class));
    }

    private static Fetched await(Future<Fetched> next) {
        try {
            return next.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new BankUnavailableException("account changes: " + e.getCause());
        } catch (InterruptedException e) {
            next.cancel(true);
            Thread.currentThread().interrupt();
            throw new BankUnavailableException("account changes: interrupted");
        }
    }

    /** Applies one page with the cursor after it in one transaction; returns how many changes it had. */
    private int apply(AccountChangesPage page) {
        if (page.changes().isEmpty()) {
            return 0;
        }
        AccountReplica.CardChanges cards;
        try {
            cards = jdbc.inTransaction((Connection c) -> {
                AccountReplica.CardChanges pageCards = replica.applyPage(c, page.changes());
                for (AccountChange change : page.changes()) {
                    listener.applied(c, change);
                }
                SyncState.putText(c, CURSOR, page.nextCursor());
                return pageCards;
            });
        } catch (RuntimeException | Error e) {
            replica.pageAbandoned();
            listener.abandoned();
            throw e;
        }
        replica.pageCommitted(cards);
        listener.committed();
        return page.changes().size();
    }
}
