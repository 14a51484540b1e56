package org.tongpos.sync.reconcile;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.sync.batch.JournalSource;
import org.tongpos.sync.client.BankClient;
import org.tongpos.sync.client.BankReply;
import org.tongpos.sync.client.BankRequest;
import org.tongpos.sync.client.Jdbc;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.wire.ApiError;
import org.tongpos.sync.wire.ApiPaths;
import org.tongpos.sync.wire.DayTotals;
import org.tongpos.sync.wire.SettlementRequest;
import org.tongpos.sync.wire.SettlementResult;
import org.tongpos.sync.wire.SettlementStatus;

/**
 * Closes a business day at the bank with the terminal's totals. The settlement id and the exact bytes
 * are stored before the first request, so a retry after no answer (even after a restart) reuses both;
 * once the bank has answered, closing the same date again is a new settlement that re-compares.
 * Upload the journal first ({@code SyncService.syncNow()}), or the bank will find the day out of balance.
 */
public final class DayCloseService {

    private static final Logger LOG = LoggerFactory.getLogger(DayCloseService.class);

    private final BankClient client;
    private final JournalSource journal;
    private final Jdbc jdbc;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public DayCloseService(BankClient client, Jdbc jdbc, JournalSource journal, Clock clock) {
        this(client, jdbc, journal, clock, UUID::randomUUID);
    }

    public DayCloseService(BankClient client, Jdbc jdbc, JournalSource journal, Clock clock, Supplier<UUID> ids) {
        this.client = client;
        this.journal = journal;
        this.jdbc = jdbc;
        this.clock = clock;
        this.ids = ids;
    }

    /** The terminal's count and totals for a date, over every entry (cash included). */
    public DayTotals localTotals(LocalDate businessDate) {
        long[] totals = new long[3];
        journal.forEachOfBusinessDate(businessDate.toString(), (JournalEntry entry) -> {
            totals[0]++;
            int column = entry.kind().isCredit() ? 2 : 1;
            totals[column] = Math.addExact(totals[column], entry.amountFen());
        });
        return new DayTotals(totals[0], totals[1], totals[2]);
    }

    /** The last settlement made for a date, as stored (for the sync screen); empty if none. */
    public Optional<DayClose> lastClose(LocalDate businessDate) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT settlement_id, state, status, entry_count, "
                    + "debit_total_fen, credit_total_fen, bank_count, bank_debit_fen, bank_credit_fen "
                    + "FROM sync_settlement WHERE business_date = ? ORDER BY created_at DESC LIMIT 1")) {
                ps.setObject(1, businessDate);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String state = rs.getString(2);
                    DayClose.Outcome outcome = switch (state) {
                        case "SETTLED" -> DayClose.Outcome.SETTLED;
                        case "REFUSED" -> DayClose.Outcome.REFUSED;
                        default -> DayClose.Outcome.UNKNOWN;
                    };
                    DayTotals local = new DayTotals(rs.getLong(4), rs.getLong(5), rs.getLong(6));
                    Optional<DayTotals> bank = outcome == DayClose.Outcome.SETTLED
                            ? Optional.of(new DayTotals(rs.getLong(7), rs.getLong(8), rs.getLong(9))) : Optional.empty();
                    Optional<SettlementStatus> status = Optional.ofNullable(rs.getString(3)).map(SettlementStatus::valueOf);
                    return Optional.of(new DayClose(rs.getObject(1, UUID.class), businessDate, outcome, local, bank,
                            status, state));
                }
            }
        });
    }

    public DayClose closeDay(LocalDate businessDate) {
        Pending pending = openSettlement(businessDate).orElseGet(() -> createSettlement(businessDate));
        BankReply reply = client.call(BankRequest.post(ApiPaths.settlements(client.terminalId()), pending.body,
                pending.id.toString()));
        if (reply instanceof BankReply.Answered answered && answered.status() == 200) {
            SettlementResult result = client.read(answered, SettlementResult.class);
            if (!pending.id.toString().equals(result.settlementId())) {
                throw new org.tongpos.sync.client.BankProtocolException("settlement answer names "
                        + result.settlementId() + ", expected " + pending.id);
            }
            markSettled(pending.id, result);
            LOG.info("day {} settled: {} (local {}, bank {})", businessDate, result.status(), pending.totals,
                    result.bank());
            return new DayClose(pending.id, businessDate, DayClose.Outcome.SETTLED, pending.totals,
                    Optional.ofNullable(result.bank()), Optional.ofNullable(result.status()),
                    result.status().name());
        }
        if (reply instanceof BankReply.Answered answered && answered.isRejected()) {
            ApiError error = client.error(answered);
            String message = "HTTP " + answered.status() + " " + error.code() + ": " + error.message();
            markRefused(pending.id);
            return new DayClose(pending.id, businessDate, DayClose.Outcome.REFUSED, pending.totals, Optional.empty(),
                    Optional.empty(), message);
        }
        String message = reply instanceof BankReply.Answered answered ? "HTTP " + answered.status()
                : ((BankReply.NoAnswer) reply).reason() + " " + ((BankReply.NoAnswer) reply).detail();
        return new DayClose(pending.id, businessDate, DayClose.Outcome.UNKNOWN, pending.totals, Optional.empty(),
                Optional.empty(), "no clear answer (" + message + "); closing again reuses settlement " + pending.id);
    }

    private record Pending(UUID id, byte[] body, DayTotals totals) {
    }

    private Optional<Pending> openSettlement(LocalDate date) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT settlement_id, body, entry_count, debit_total_fen, "
                    + "credit_total_fen FROM sync_settlement WHERE business_date = ? AND state = 'PENDING' "
                    + "ORDER BY created_at LIMIT 1")) {
                ps.setObject(1, date);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Pending(rs.getObject(1, UUID.class), rs.getBytes(2),
                            new DayTotals(rs.getLong(3), rs.getLong(4), rs.getLong(5)))) : Optional.empty();
                }
            }
        });
    }

    private Pending createSettlement(LocalDate date) {
        DayTotals totals = localTotals(date);
        UUID id = ids.get();
        byte[] body = client.write(new SettlementRequest(id.toString(), date.toString(), totals.count(),
                totals.debitTotalFen(), totals.creditTotalFen()));
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_settlement (settlement_id, business_date, "
                    + "entry_count, debit_total_fen, credit_total_fen, body, state, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?)")) {
                ps.setObject(1, id);
                ps.setObject(2, date);
                ps.setLong(3, totals.count());
                ps.setLong(4, totals.debitTotalFen());
                ps.setLong(5, totals.creditTotalFen());
                ps.setBytes(6, body);
                ps.setObject(7, OffsetDateTime.now(clock));
                ps.executeUpdate();
            }
            return null;
        });
        return new Pending(id, body, totals);
    }

    private void markSettled(UUID id, SettlementResult result) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sync_settlement SET state = 'SETTLED', status = ?, "
                    + "bank_count = ?, bank_debit_fen = ?, bank_credit_fen = ?, settled_at = ? "
                    + "WHERE settlement_id = ?")) {
                ps.setString(1, result.status().name());
                ps.setLong(2, result.bank().count());
                ps.setLong(3, result.bank().debitTotalFen());
                ps.setLong(4, result.bank().creditTotalFen());
                ps.setObject(5, OffsetDateTime.now(clock));
                ps.setObject(6, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private void markRefused(UUID id) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sync_settlement SET state = 'REFUSED' "
                    + "WHERE settlement_id = ?")) {
                ps.setObject(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
