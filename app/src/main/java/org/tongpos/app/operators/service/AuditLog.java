package org.tongpos.app.operators.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.tongpos.app.operators.domain.AuditEntry;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.store.AuditStore;
import org.tongpos.app.storage.DurableTransaction;
import org.tongpos.sync.journal.ApiTimes;

/**
 * The terminal's audit log: who did what, who approved it, append-only and hash-chained. Every override, refund,
 * manual identification, rule change, operator change, log-in, log-out, lock, failed PIN and lockout is recorded.
 *
 * <p>Two ways to write: {@link #record} in a transaction of its own, committed and forced to disk before it returns
 * (write it <em>before</em> telling anyone the act is done); or {@link #append} inside the caller's own transaction,
 * when the act and its record must commit together (the caller commits and forces to disk, e.g. through
 * {@link DurableTransaction}).
 */
public final class AuditLog {

    private final AuditStore store;
    private final DurableTransaction durable;
    private final Clock clock;

    public AuditLog(AuditStore store, DurableTransaction durable, Clock clock) {
        this.store = store;
        this.durable = durable;
        this.clock = clock;
    }

    /** Writes the record durably (committed, fsynced) and returns it with its seq and hash. */
    public AuditRecord record(AuditEntry entry) {
        return durable.run(c -> append(c, entry));
    }

    /** Appends the record inside {@code connection}'s open transaction, stamped with the terminal's time now. */
    public AuditRecord append(Connection connection, AuditEntry entry) throws SQLException {
        return store.append(connection, entry, ApiTimes.format(OffsetDateTime.now(clock).withNano(0)));
    }

    /**
     * The records of the business days {@code from} to {@code to} (both included, dates as the terminal recorded
     * them), in order. Needs {@link Permission#READ_AUDIT}.
     */
    public List<AuditRecord> list(Session reader, LocalDate from, LocalDate to) {
        reader.require(Permission.READ_AUDIT);
        return store.between(from.toString(), to.plusDays(1).toString());
    }

    /** Recomputes the chain from its first record. */
    public AuditVerifier.Result verify() {
        return new AuditVerifier(store).verify();
    }
}
