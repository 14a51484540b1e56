package org.tongpos.app.bank.service;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.bank.store.BankStorage;
import org.tongpos.sync.batch.JournalSource;
import org.tongpos.sync.batch.SyncService;
import org.tongpos.sync.client.BankClient;
import org.tongpos.sync.client.BankConfig;
import org.tongpos.sync.client.Jdbc;
import org.tongpos.sync.client.PlainHttpRule;
import org.tongpos.sync.client.Sleeper;
import org.tongpos.sync.feed.AccountFeed;
import org.tongpos.sync.feed.BankKeyStore;
import org.tongpos.sync.feed.FeedHooks;
import org.tongpos.sync.payment.PaymentCodeService;
import org.tongpos.sync.reconcile.DayCloseService;
import org.tongpos.sync.reconcile.ReconciliationEngine;
import org.tongpos.sync.reconcile.ReconciliationStore;
import org.tongpos.sync.reconcile.Reconciler;
import org.tongpos.sync.signing.Credentials;

/**
 * The sync module's services for one configured terminal, wired over the terminal's own (pooled) database: upload,
 * day close, reconciliation, payment codes, the canteen accounts feed and the bank's QR keys. Building it contacts no
 * one; it migrates the sync tables (so build it off the FX thread).
 */
public final class BankServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BankServices.class);

    private final BankSettings settings;
    private final BankClient client;
    private final SyncService sync;
    private final DayCloseService dayClose;
    private final ReconciliationStore reconciliations;
    private final Reconciler reconciler;
    private final PaymentCodeService payments;
    private final AccountFeed accounts;
    private final BankKeyStore keys;

    /**
     * @throws IllegalArgumentException when the settings cannot describe a bank (a URL not ending in /v1, a key
     *                                  that is not 32 bytes of base64); a {@link
     *                                  org.tongpos.sync.client.PlainHttpRefusedException} for plain http:// to
     *                                  another machine without {@code bank.allow-plain-http}
     */
    public BankServices(BankSettings settings, BankStorage storage, JournalSource journal, Clock clock) {
        this(settings, storage, journal, clock, FeedHooks.NONE);
    }

    /**
     * @param feedHooks what the terminal adds to the accounts feed (pinyin initials of names, the canteen's listener)
     */
    public BankServices(BankSettings settings, BankStorage storage, JournalSource journal, Clock clock,
                        FeedHooks feedHooks) {
        this.settings = settings;
        Credentials credentials = Credentials.fromBase64(settings.terminalId(), settings.key());
        BankConfig config = BankConfig.of(settings.url(), credentials, settings.merchantId(),
                settings.plainHttpToAnyHost());
        if (!PlainHttpRule.permits(config.baseUrl())) {
            LOG.warn("bank.allow-plain-http is true: journal and payments go to {} unencrypted (for a test lab only)",
                    config.baseUrl().getHost());
        }
        this.client = new BankClient(config, clock);
        try {
            this.sync = storage.syncService(client, journal, clock);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        Jdbc jdbc = storage.jdbc();
        this.dayClose = new DayCloseService(client, jdbc, journal, clock);
        this.reconciliations = new ReconciliationStore(jdbc, clock);
        this.reconciler = new Reconciler(client, new ReconciliationEngine(jdbc, journal, reconciliations),
                reconciliations);
        this.payments = new PaymentCodeService(client, jdbc, clock, Sleeper.real());
        this.accounts = new AccountFeed(client, jdbc, clock, AccountFeed.PAGE_SIZE, feedHooks);
        this.keys = new BankKeyStore(client, jdbc, clock);
    }

    public BankSettings settings() {
        return settings;
    }

    public BankClient client() {
        return client;
    }

    public SyncService sync() {
        return sync;
    }

    public DayCloseService dayClose() {
        return dayClose;
    }

    public Reconciler reconciler() {
        return reconciler;
    }

    public ReconciliationStore reconciliations() {
        return reconciliations;
    }

    public PaymentCodeService payments() {
        return payments;
    }

    public AccountFeed accounts() {
        return accounts;
    }

    public BankKeyStore keys() {
        return keys;
    }

    /**
     * What bringing the canteen's bank data up to date did: account changes applied and keys now held (both empty when
     * no merchant id is set: a terminal without one is no canteen of the bank's), and what failed.
     */
    public record CanteenDataRefresh(Optional<Long> accountChanges, Optional<Integer> keys,
                                     Optional<String> accountsProblem, Optional<String> keysProblem) {
        public boolean complete() {
            return accountsProblem.isEmpty() && keysProblem.isEmpty();
        }

        /** Nothing was asked: no merchant id. */
        public boolean skipped() {
            return accountChanges.isEmpty() && keys.isEmpty() && complete();
        }
    }

    /**
     * With {@code bank.merchant-id} set, pulls the canteen accounts feed to its end and fetches the bank's QR keys;
     * contacts the bank, blocks. One failing does not stop the other. Without a merchant id it does nothing.
     */
    public CanteenDataRefresh refreshCanteenData() {
        if (settings.merchantId().isEmpty()) {
            return new CanteenDataRefresh(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
        Optional<Long> applied = Optional.empty();
        Optional<String> accountsProblem = Optional.empty();
        try {
            applied = Optional.of(accounts.pull());
        } catch (RuntimeException e) {
            accountsProblem = Optional.of(e.getMessage() == null ? e.toString() : e.getMessage());
            LOG.warn("accounts feed not brought up to date: {}", e.toString());
        }
        Optional<Integer> held = Optional.empty();
        Optional<String> keysProblem = Optional.empty();
        try {
            held = Optional.of(keys.refresh());
        } catch (RuntimeException e) {
            keysProblem = Optional.of(e.getMessage() == null ? e.toString() : e.getMessage());
            LOG.warn("bank QR keys not refreshed: {}", e.toString());
        }
        return new CanteenDataRefresh(applied, held, accountsProblem, keysProblem);
    }

    @Override
    public void close() {
        accounts.replica().close();
        client.close();
    }
}
