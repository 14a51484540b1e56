package org.tongpos.sync.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.sync.signing.Credentials;
import org.tongpos.sync.wire.AccountChange;
import org.tongpos.sync.wire.AccountChangeKind;
import org.tongpos.sync.wire.BankKey;
import org.tongpos.sync.wire.BankKeys;
import org.tongpos.sync.wire.WireJson;

/**
 * The sandbox bank: a real HTTP server on loopback implementing the whole Settlement API v1, with its
 * state in an H2 file under the data directory (a restart keeps batches, idempotency records, nonces,
 * payments, settlements and statements). Faults can be injected through {@link #faults()}. The admin controls under
 * {@code /sandbox/} need {@code Authorization: Bearer} {@link #adminToken()} (also in {@link #adminTokenFile()}).
 *
 * <pre>{@code
 * try (SandboxBank bank = SandboxBank.start(new SandboxBankConfig(0, dir, Map.of("T0001", key), "M001"))) {
 *     String baseUrl = bank.apiBaseUrl();   // http://127.0.0.1:PORT/v1
 * }
 * }</pre>
 */
public final class SandboxBank implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxBank.class);
    private static final int HTTP_THREADS = 8;

    private final SandboxBankConfig config;
    private final SandboxDatabase database;
    private final HttpServer server;
    private final ExecutorService executor;
    private final SandboxFaults faults = new SandboxFaults();
    private final AccountFeed feed = new AccountFeed();
    private final SettlementService settlements;
    private final BankSigningKey bankKey;
    private final DinerQrIssuer qrIssuer;
    private final AdminToken adminToken;
    private final Path adminTokenFile;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private SandboxBank(SandboxBankConfig config, Clock clock) throws IOException, SQLException {
        this.config = config;
        Files.createDirectories(config.dataDir());
        this.adminToken = AdminToken.of(config.adminToken());
        this.adminTokenFile = adminToken.writeTo(config.dataDir());
        this.database = SandboxDatabase.open(config.dataDir());
        try {
            this.bankKey = database.durably(connection -> {
                feed.seedDemoAccountsIfEmpty(connection);
                return BankSigningKey.loadOrCreate(connection, clock);
            });
            this.qrIssuer = new DinerQrIssuer(bankKey, clock);
            ObjectMapper json = WireJson.newMapper();
            JsonBodies bodies = new JsonBodies(json);
            IdempotentExecutor idempotent = new IdempotentExecutor(database, clock);
            BatchService batches = new BatchService(database, idempotent, feed, bodies, clock);
            this.settlements = new SettlementService(database, idempotent, new StatementWriter(
                    new FeePolicy(config.feeRatePpm())), bodies, config.dataDir().resolve("statements"), clock);
            PaymentService payments = new PaymentService(database, idempotent, bodies, clock);
            AccountFeedEndpoint accountFeed = new AccountFeedEndpoint(database, feed, bodies, config.merchantId());
            BankKeys keys = new BankKeys(List.of(bankKey.published()));

            String terminal = "/v1/terminals/([^/]+)";
            ApiRoutes routes = new ApiRoutes()
                    .add("POST", terminal + "/batches", (r, p) -> batches.upload(r, p.get(0)))
                    .add("GET", terminal + "/batches/([^/]+)", (r, p) -> batches.find(p.get(0), p.get(1)))
                    .add("GET", terminal + "/cursor", (r, p) -> batches.cursor(p.get(0)))
                    .add("POST", terminal + "/settlements", (r, p) -> settlements.settle(r, p.get(0)))
                    .add("GET", terminal + "/statements/([^/]+)", (r, p) -> settlements.statementInfo(p.get(0),
                            p.get(1)))
                    .add("GET", terminal + "/statements/([^/]+)/files/([^/]+)\\.csv",
                            (r, p) -> settlements.download(p.get(0), p.get(1), p.get(2)))
                    .add("POST", "/v1/payments", (r, p) -> payments.pay(r))
                    .add("GET", "/v1/payments/([^/]+)", (r, p) -> payments.query(p.get(0)))
                    .add("POST", "/v1/payments/([^/]+)/reverse", (r, p) -> payments.reverse(p.get(0)))
                    .add("POST", "/v1/refunds", (r, p) -> payments.refund(r))
                    .add("GET", "/v1/merchants/([^/]+)/accounts/changes", (r, p) -> accountFeed.changes(r, p.get(0)))
                    .add("GET", "/v1/keys", (r, p) -> bodies.respond(200, keys));

            Map<String, Credentials> terminals = new LinkedHashMap<>();
            config.terminals().forEach((id, key) -> terminals.put(id, Credentials.fromBase64(id, key)));
            RequestAuthenticator authenticator = new RequestAuthenticator(terminals, new NonceRegistry(database), clock);

            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 64);
            AtomicInteger threads = new AtomicInteger();
            this.executor = Executors.newFixedThreadPool(HTTP_THREADS, runnable -> {
                Thread thread = new Thread(runnable, "sandbox-bank-http-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            server.createContext("/v1/", new ApiHandler(authenticator, routes, faults, json, clock));
            server.createContext("/sandbox/", new AdminHandler(this, adminToken, json));
            server.createContext("/", exchange -> {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            });
            server.start();
        } catch (IOException | RuntimeException e) {
            database.close();
            throw e;
        }
        LOG.info("sandbox bank listening on {} (data {}, terminals {}, merchant {})", origin(), config.dataDir(),
                config.terminals().keySet(), config.merchantId());
    }

    /** Starts a bank with the system clock. */
    public static SandboxBank start(SandboxBankConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** Starts a bank whose checks, timestamps and demo payments follow {@code clock}. */
    public static SandboxBank start(SandboxBankConfig config, Clock clock) {
        try {
            return new SandboxBank(config, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sandbox bank", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the sandbox bank's database in " + config.dataDir(), e);
        }
    }

    public static SandboxBank start(int port, Path dataDir, Map<String, String> terminals, String merchantId) {
        return start(new SandboxBankConfig(port, dataDir, terminals, merchantId));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String origin() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    /** The base URL a terminal is configured with: {@code http://127.0.0.1:PORT/v1}. */
    public String apiBaseUrl() {
        return origin() + "/v1";
    }

    public SandboxBankConfig config() {
        return config;
    }

    /** What the admin controls under {@code /sandbox/} require as {@code Authorization: Bearer TOKEN}. */
    public String adminToken() {
        return adminToken.value();
    }

    /** {@code DATA/admin-token}: the running bank's admin token, readable by its owner only. */
    public Path adminTokenFile() {
        return adminTokenFile;
    }

    public SandboxFaults faults() {
        return faults;
    }

    /** The key {@code GET /v1/keys} publishes. */
    public BankKey publishedKey() {
        return bankKey.published();
    }

    /** A fresh diner QR code for a demo account, signed with the bank key and issued now. */
    public String issueDinerQr(String accountId) {
        DemoAccount account = database.inTransaction(connection -> feed.find(connection, accountId));
        if (account == null) {
            throw new IllegalArgumentException("no account " + accountId);
        }
        return qrIssuer.issue(account.dinerId(), account.accountId());
    }

    /** A diner QR code for any diner and account ids (they need not exist at the bank). */
    public String issueDinerQr(String dinerId, String accountId) {
        return qrIssuer.issue(dinerId, accountId);
    }

    /** The canteen accounts the bank holds, with their balances now. */
    public List<DemoAccount> accounts() {
        return database.inTransaction(connection -> {
            List<DemoAccount> accounts = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT account_id FROM accounts ORDER BY account_id");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    accounts.add(feed.find(connection, rows.getString(1)));
                }
            }
            return accounts;
        });
    }

    /**
     * Opens accounts at the bank (each published on the feed as OPEN, then TOPUP and SUBSIDY when it starts with
     * money), in transactions of 10,000: for tests and benchmarks with many diners.
     */
    public void openAccounts(List<DemoAccount> accounts) {
        for (int from = 0; from < accounts.size(); from += 10_000) {
            List<DemoAccount> chunk = accounts.subList(from, Math.min(accounts.size(), from + 10_000));
            database.durably(connection -> {
                for (DemoAccount account : chunk) {
                    feed.open(connection, account.withBalances(0, 0));
                    if (account.balanceFen() != 0) {
                        feed.change(connection, account.accountId(), AccountChangeKind.TOPUP, account.balanceFen());
                    }
                    if (account.subsidyFen() != 0) {
                        feed.change(connection, account.accountId(), AccountChangeKind.SUBSIDY, account.subsidyFen());
                    }
                }
                return null;
            });
        }
    }

    /** A bank-side account change (TOPUP, SUBSIDY, UPDATE, HOTLIST, UNHOTLIST, CLOSE), published on the feed. */
    public AccountChange changeAccount(String accountId, AccountChangeKind kind, long amountFen) {
        return database.durably(connection -> feed.change(connection, accountId, kind, amountFen));
    }

    /**
     * Tells the bank to reverse, adjust or omit one tender's row in statements published from now on
     * (settle the day again to publish). {@code bankAmountFen} is used by ADJUSTED only.
     */
    public void markStatementRow(String terminalId, String txnId, TenderMethod method, StatementRowStatus status,
                                 long bankAmountFen) {
        settlements.mark(terminalId, txnId, method, status, bankAmountFen);
    }

    /** Blocks until {@link #stop()} is called (for the command line: run until interrupted). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops serving and closes the database. Safe to call twice. */
    public synchronized void stop() {
        if (stopped.getCount() == 0) {
            return;
        }
        stopped.countDown();
        server.stop(0);
        executor.shutdownNow();
        try {
            // requests still in hand finish (or give up) before their database goes
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("sandbox bank: requests still running after 5 s; closing the database anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            database.close();
        } catch (SQLException e) {
            LOG.warn("closing the sandbox database failed", e);
        }
        LOG.info("sandbox bank on port {} stopped", port());
    }

    @Override
    public void close() {
        stop();
    }
}
