package org.tongpos.sync.reconcile;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.sync.client.BankClient;
import org.tongpos.sync.client.BankReply;
import org.tongpos.sync.client.BankRequest;
import org.tongpos.sync.client.BankUnavailableException;
import org.tongpos.sync.client.DownloadFailedException;
import org.tongpos.sync.wire.ApiError;
import org.tongpos.sync.wire.ApiPaths;
import org.tongpos.sync.wire.ErrorCode;
import org.tongpos.sync.wire.StatementInfo;

/**
 * Fetches a settled day's statement, checks its SHA-256 against the bank's {@code hash_value}, and
 * reconciles it with the journal. The file is downloaded to a temporary file (streamed, never held in
 * memory), checked, then parsed as a stream.
 */
public final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final BankClient client;
    private final ReconciliationEngine engine;
    private final ReconciliationStore store;

    public Reconciler(BankClient client, ReconciliationEngine engine, ReconciliationStore store) {
        this.client = client;
        this.engine = engine;
        this.store = store;
    }

    /**
     * Reconciles a date. Empty when the bank has no statement yet ({@code 404 NOT_READY}: close the day
     * first). Throws {@link BankUnavailableException} when the bank cannot be reached and
     * {@link StatementFormatException} when the statement fails its hash or format checks.
     */
    public Optional<ReconciliationReport> reconcile(LocalDate businessDate) {
        StatementInfo info = statementInfo(businessDate).orElse(null);
        if (info == null) {
            return Optional.empty();
        }
        if (!StatementInfo.SHA_256.equals(info.hashType())) {
            throw new StatementFormatException("unsupported statement hash type " + info.hashType());
        }
        Path file = null;
        try {
            file = Files.createTempFile("tongpos-statement-" + businessDate + "-", ".csv");
            download(info, file);
            Path downloaded = file;
            ReconciliationReport report = engine.reconcile(businessDate, info.hashValue(), info.downloadPath(),
                    () -> Files.newInputStream(downloaded));
            LOG.info("reconciled {}: {} matched, {} difference(s)", businessDate, report.matchedCount(),
                    report.differenceCount());
            return Optional.of(report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the statement in a temporary file", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warn("cannot delete {}: {}", file, e.toString());
                }
            }
        }
    }

    public ReconciliationStore store() {
        return store;
    }

    private Optional<StatementInfo> statementInfo(LocalDate businessDate) {
        BankReply reply = client.call(BankRequest.get(ApiPaths.statement(client.terminalId(),
                businessDate.toString())));
        if (reply instanceof BankReply.Answered answered) {
            if (answered.status() == 200) {
                return Optional.of(client.read(answered, StatementInfo.class));
            }
            ApiError error = client.error(answered);
            if (answered.status() == 404 && (error.is(ErrorCode.NOT_READY) || error.is(ErrorCode.NOT_FOUND))) {
                return Optional.empty();
            }
            throw new BankUnavailableException("statement for " + businessDate + ": HTTP " + answered.status() + " "
                    + error.code() + " " + error.message());
        }
        BankReply.NoAnswer noAnswer = (BankReply.NoAnswer) reply;
        throw new BankUnavailableException("statement for " + businessDate + ": " + noAnswer.reason() + " "
                + noAnswer.detail());
    }

    /**
     * Downloads until the bytes match {@code hash_value}, waiting between attempts as the client's retry
     * policy says: the bank's {@code Retry-After} on a 429 or 5xx, else backoff. A verified refusal, or a
     * {@code Retry-After} longer than the policy obeys, ends the attempts at once.
     */
    private void download(StatementInfo info, Path file) {
        int attempts = client.config().retryPolicy().maxAttempts();
        String lastProblem = null;
        boolean hashMismatch = false;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            BankReply failure;
            try (OutputStream out = Files.newOutputStream(file)) {
                String hash = client.download(info.downloadPath(), out);
                if (hash.equalsIgnoreCase(info.hashValue())) {
                    return;
                }
                lastProblem = "SHA-256 " + hash + " does not match hash_value " + info.hashValue();
                hashMismatch = true;
                failure = new BankReply.NoAnswer(BankReply.Reason.NETWORK, lastProblem);
            } catch (DownloadFailedException e) {
                lastProblem = e.getMessage();
                hashMismatch = false;
                failure = e.reply();
            } catch (IOException e) {
                lastProblem = e.toString();
                hashMismatch = false;
                failure = new BankReply.NoAnswer(BankReply.Reason.NETWORK, lastProblem);
            }
            LOG.warn("statement download {} attempt {} failed: {}", info.downloadPath(), attempt, lastProblem);
            Optional<Duration> wait = client.retryDelay(failure, attempt);
            if (wait.isEmpty() || attempt == attempts) {
                break;
            }
            try {
                client.sleeper().sleep(wait.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BankUnavailableException("statement " + info.downloadPath()
                        + ": interrupted while waiting to retry the download");
            }
        }
        if (hashMismatch) {
            throw new StatementFormatException("statement " + info.downloadPath() + ": " + lastProblem);
        }
        throw new BankUnavailableException("statement " + info.downloadPath() + " could not be downloaded: "
                + lastProblem);
    }
}
