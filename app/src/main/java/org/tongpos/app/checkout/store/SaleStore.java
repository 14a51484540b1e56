package org.tongpos.app.checkout.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.checkout.domain.SellingStoppedException;
import org.tongpos.app.checkout.domain.Tender;
import org.tongpos.app.journal.store.JournalStore;
import org.tongpos.app.promotions.store.BankOfferUseStore;
import org.tongpos.app.storage.Database;
import org.tongpos.app.storage.StorageException;
import org.tongpos.app.storage.WriteAheadLog;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;

/**
 * Records a completed sale durably. The journal entry, the sale, its lines and tenders are written in one H2
 * transaction; before that transaction commits, the whole sale is appended to the write-ahead log and fsynced.
 * When {@link #record} returns, the sale survives a process crash and a power cut; when it throws before or in the
 * log append, nothing of it is stored (the log cuts a failed append back out). On open, sales that are in the log
 * but not in H2 (H2 writes its commits to disk a moment later) are written again, and once H2 has forced
 * everything to disk the log is emptied.
 *
 * <p>What the cashier is told and what the journal holds after a restart always agree (issue 7): should H2's commit
 * and its immediate retry both fail after the log append, the logged sale is cancelled in the log (a fsynced cancel
 * marker) before {@link #record} throws; should even that cancel fail, the sale counts ({@link #record} returns it)
 * and selling stops ({@link SellingStoppedException}, state BEHIND) until the database has caught up. When not even
 * the log can say whether a sale counts, selling stops with state UNKNOWN until a restart decides.
 * See docs/decisions/0001-durable-sales-write-ahead-log.md.
 */
public final class SaleStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SaleStore.class);
    /** After this many logged sales H2 is forced to disk and the log emptied, keeping replay short. */
    private static final int CHECKPOINT_EVERY = 1000;

    private final DataSource connections;
    private final JournalStore journal;
    private final WriteAheadLog log;
    /** Made on first use: a command that records no sale and finds the log empty never loads Jackson. */
    private ObjectMapper json;
    private final ReentrantLock writer = new ReentrantLock();
    private final int checkpointEvery;
    /** A logged entry that counts but that neither its commit, its retry nor its cancel could settle in H2. */
    private Replayable behind;
    /** Why selling stopped for good (until a restart); null while selling. */
    private SellingStoppedException stopped;
    /** What {@link #stopped()} reports. */
    private volatile SellingStoppedException halt;

    /** Other kinds of journaled record sharing this log, by their tag in the log ({@link LoggedKind#tag()}). */
    private final Map<String, LoggedKind<?>> kinds;

    public SaleStore(Database database, JournalStore journal, WriteAheadLog log) {
        this(database.dataSource(), journal, log, CHECKPOINT_EVERY, List.of());
    }

    /** As {@link #SaleStore(Database, JournalStore, WriteAheadLog)}, with other kinds of record it must replay. */
    public SaleStore(Database database, JournalStore journal, WriteAheadLog log, List<LoggedKind<?>> others) {
        this(database.dataSource(), journal, log, CHECKPOINT_EVERY, others);
    }

    SaleStore(Database database, JournalStore journal, WriteAheadLog log, int checkpointEvery) {
        this(database.dataSource(), journal, log, checkpointEvery, List.of());
    }

    /** Over any data source of the terminal's database (tests wrap it to make commits fail). */
    SaleStore(DataSource connections, JournalStore journal, WriteAheadLog log, int checkpointEvery) {
        this(connections, journal, log, checkpointEvery, List.of());
    }

    SaleStore(DataSource connections, JournalStore journal, WriteAheadLog log, int checkpointEvery,
              List<LoggedKind<?>> others) {
        this.connections = connections;
        this.journal = journal;
        this.log = log;
        this.checkpointEvery = checkpointEvery;
        Map<String, LoggedKind<?>> byTag = new java.util.HashMap<>();
        for (LoggedKind<?> kind : others) {
            if (byTag.put(kind.tag(), kind) != null) {
                throw new IllegalArgumentException("two logged kinds tagged " + kind.tag());
            }
        }
        this.kinds = Map.copyOf(byTag);
        recover();
    }

    /**
     * Another kind of journaled record (the canteen's meals) recorded through this store's lock, journal and
     * write-ahead log, so that the one chain of entries stays gap-free and a crash replays every kind in seq order.
     * Its log records are JSON {@code {"logged": tag, "record": …}}; a sale's are the bare {@link SaleRecord}.
     *
     * @param <R> the record as logged (Jackson-serializable); it holds its journal entry
     */
    public interface LoggedKind<R> {
        /** The tag naming this kind in the log; never changes once records were written. */
        String tag();

        Class<R> type();

        /** The record's journal entry, exactly as chained. */
        JournalEntry entry(R record);

        /**
         * Writes the record's rows besides the journal entry inside the caller's transaction: at the commit
         * ({@code replay} false) and when the log is replayed after a crash ({@code replay} true). Throwing at the
         * commit rolls everything back and nothing is logged.
         */
        void insertRows(Connection c, R record, boolean replay) throws SQLException;
    }

    /** What to journal, and the logged record once the journal gave the entry its {@code seq}. */
    public record Pending<R>(JournalStore.Draft draft, Function<JournalEntry, R> record) {
    }

    /**
     * Records another kind's entry durably, like a sale: under the writer lock {@code prepare} decides what to
     * journal (empty: nothing, e.g. a meal refused when decided again under the lock), then the entry, the kind's
     * rows and the log record go in one transaction whose record is fsynced before it commits.
     */
    public <R> Optional<R> recordLogged(LoggedKind<R> kind, Supplier<Optional<Pending<R>>> prepare) {
        if (kinds.get(kind.tag()) != kind) {
            throw new IllegalArgumentException("the kind " + kind.tag() + " was not given to this store");
        }
        writer.lock();
        try (Connection c = connections.getConnection()) {
            c.setAutoCommit(false);
            catchUpOrRefuse(c);
            Optional<Pending<R>> pending = prepare.get();
            if (pending.isEmpty()) {
                return Optional.empty();
            }
            R record;
            long logged;
            try {
                JournalEntry entry = journal.append(c, pending.get().draft());
                record = pending.get().record().apply(entry);
                kind.insertRows(c, record, false);
                ObjectNode wrapped = json().createObjectNode();
                wrapped.put("logged", kind.tag());
                wrapped.set("record", json().valueToTree(record));
                logged = appendToLog(json().writeValueAsBytes(wrapped), entry.txnId());
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            commitLogged(c, new LoggedOther<>(kind, record), logged);
            if (behind == null && log.size() >= checkpointEvery) {
                checkpointAfterCommit(c);
            }
            return Optional.of(record);
        } catch (SQLException | IOException e) {
            throw new StorageException("cannot record the " + kind.tag(), e);
        } finally {
            writer.unlock();
        }
    }

    /**
     * Runs {@code action} while no sale or meal is between its log append and its commit (under the writer's lock),
     * with the write-ahead log's bytes as they are at that moment. A backup starts its database snapshot here, so
     * that the snapshot and the log together hold every record that counts, once, and no half-written one
     * (docs/decisions/0010-backups.md). Keep {@code action} short: the till waits for it.
     */
    public <T> T atQuietPoint(Function<byte[], T> action) {
        writer.lock();
        try {
            return action.apply(log.contents());
        } finally {
            writer.unlock();
        }
    }

    /**
     * A sale ready to be recorded; the journal gives it its {@code seq}. {@code paidFen} is what the customer paid for
     * each line (its amount plus its shares of the discounts), {@code discounts} the discounts as printed, and
     * {@code capUses} the capped bank offers it uses (checked against their caps in the sale's own transaction).
     */
    public record Draft(String txnId, String occurredAt, String businessDate, String cashier, List<CartLine> lines,
                        long totalFen, List<Tender> tenders, long changeFen, long[] paidFen,
                        List<DiscountLine> discounts, List<CapUse> capUses) {

        public Draft {
            discounts = discounts == null ? List.of() : List.copyOf(discounts);
            capUses = capUses == null ? List.of() : List.copyOf(capUses);
            if (paidFen != null && paidFen.length != lines.size()) {
                throw new IllegalArgumentException("one paid amount per line");
            }
        }

        /** A sale without promotions. */
        public Draft(String txnId, String occurredAt, String businessDate, String cashier, List<CartLine> lines,
                     long totalFen, List<Tender> tenders, long changeFen) {
            this(txnId, occurredAt, businessDate, cashier, lines, totalFen, tenders, changeFen, null, List.of(),
                    List.of());
        }
    }

    /** A discount as recorded: {@code lineNo} is the 1-based line it prints under, 0 for the cart's and the bank's. */
    public record DiscountLine(String promotionId, String name, String kind, String stage, long amountFen, int lineNo) {
    }

    /** A use of a capped bank offer: the payer as its SHA-256 hash (never the card number or phone itself). */
    public record CapUse(String promotionId, String payerHash, int dailyCap) {
    }

    /** A capped bank offer of the sale was used up meanwhile (another sale took the last use); nothing recorded. */
    public static final class CapReachedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String promotionId;

        public CapReachedException(String promotionId) {
            super("bank offer " + promotionId + " is used up for this payer today");
            this.promotionId = promotionId;
        }

        public String promotionId() {
            return promotionId;
        }
    }

    /**
     * Commits the sale and its journal entry durably and returns the entry.
     *
     * @throws SellingStoppedException when selling has stopped (see the class comment), or when this sale's
     *                                 outcome cannot be known until a restart (state UNKNOWN)
     * @throws StorageException        when the sale was not recorded: nothing of it counts
     */
    public JournalEntry record(Draft sale, String terminalId) {
        List<EntryTender> entryTenders = new ArrayList<>(sale.tenders().size());
        for (Tender t : sale.tenders()) {
            entryTenders.add(new EntryTender(t.method(), t.amount().fen(), t.reference()));
        }
        JournalStore.Draft entryDraft = new JournalStore.Draft(sale.txnId(), EntryKind.SALE, sale.occurredAt(),
                sale.businessDate(), sale.totalFen(), entryTenders, "");
        writer.lock();
        try (Connection c = connections.getConnection()) {
            c.setAutoCommit(false);
            catchUpOrRefuse(c);
            JournalEntry entry;
            SaleRecord record;
            long logged;
            try {
                entry = journal.append(c, entryDraft);
                record = toRecord(entry, sale, receiptNumber(terminalId, entry.seq()));
                insertSale(c, record, false);
                logged = appendToLog(json().writeValueAsBytes(record), record.receiptNo());
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            commitLogged(c, new LoggedSale(record), logged);
            if (behind == null && log.size() >= checkpointEvery) {
                checkpointAfterCommit(c);
            }
            return entry;
        } catch (SQLException | IOException e) {
            throw new StorageException("cannot record the sale", e);
        } finally {
            writer.unlock();
        }
    }

    /**
     * Why selling has stopped, if it has: BEHIND until the database catches up, UNKNOWN until a restart. Reads a
     * volatile field: the window may ask on its own thread without waiting for a sale being written.
     */
    public Optional<SellingStoppedException> stopped() {
        return Optional.ofNullable(halt);
    }

    /** Keeps {@link #halt} in step with {@link #behind} and {@link #stopped}; called with the writer lock held. */
    private void updateHalt() {
        halt = stopped != null ? stopped : behind != null
                ? new SellingStoppedException(SellingStoppedException.State.BEHIND, behind.label(), null) : null;
    }

    /**
     * Before a sale: a sale that counts but is not in H2 yet is written first (the database catches up), or selling
     * stays stopped.
     */
    private void catchUpOrRefuse(Connection c) {
        if (stopped != null) {
            throw stopped;
        }
        if (behind == null) {
            return;
        }
        try {
            replay(c, behind);
            LOG.info("the database caught up with {}; selling again", behind.label());
            behind = null;
            updateHalt();
        } catch (SQLException | RuntimeException e) {
            throw new SellingStoppedException(SellingStoppedException.State.BEHIND, behind.label(), e);
        }
    }

    private long appendToLog(byte[] bytes, String label) {
        try {
            return log.append(bytes);
        } catch (WriteAheadLog.UncertainRecordException e) {
            stopped = new SellingStoppedException(SellingStoppedException.State.UNKNOWN, label, e);
            LOG.error("{}: the write-ahead log cannot say whether it counts; selling stops until a restart",
                    label, e);
            updateHalt();
            throw stopped;
        }
    }

    /**
     * Commits a transaction whose sale is already in the log. Should the commit fail, the sale is written again at
     * once; failing that, it is cancelled in the log before the cashier is told it failed; failing even that, it
     * counts (this returns) and selling stops until the database has caught up.
     */
    private void commitLogged(Connection c, Replayable record, long logged) throws SQLException {
        SQLException first;
        try {
            c.commit();
            return;
        } catch (SQLException e) {
            first = e;
        }
        LOG.error("{}: commit failed after it was logged; writing it again", record.label(), first);
        try {
            c.rollback();
            replay(c, record);
            return;
        } catch (SQLException | RuntimeException second) {
            first.addSuppressed(second);
        }
        if (heldByDatabase(c, record)) {
            return;
        }
        try {
            log.cancel(logged);
        } catch (WriteAheadLog.UncertainRecordException e) {
            first.addSuppressed(e);
            stopped = new SellingStoppedException(SellingStoppedException.State.UNKNOWN, record.label(), first);
            LOG.error("{}: neither stored nor surely cancelled; selling stops until a restart",
                    record.label(), first);
            updateHalt();
            throw stopped;
        } catch (RuntimeException e) {
            first.addSuppressed(e);
            behind = record;
            updateHalt();
            LOG.error("{}: not in the database and its cancel could not be logged: it counts, and "
                    + "selling stops until the database has caught up", record.label(), first);
            return;
        }
        throw new StorageException(record.label() + " could not be stored and is cancelled", first);
    }

    /**
     * Whether a commit that reported failure went through after all (then the sale counts and must not be
     * cancelled). When even that cannot be read, the cancel goes ahead: H2's commit is all or nothing.
     */
    private boolean heldByDatabase(Connection c, Replayable record) {
        try {
            return record.entry().txnId().equals(journal.txnIdAt(c, record.entry().seq()));
        } catch (SQLException | RuntimeException e) {
            LOG.warn("cannot read back seq {}: {}", record.entry().seq(), e.toString());
            return false;
        }
    }

    /** The receipt number printed for a journal entry: terminal id and the zero-padded seq. */
    public static String receiptNumber(String terminalId, long seq) {
        return String.format("%s-%08d", terminalId, seq);
    }

    @Override
    public void close() {
        writer.lock();
        try (Connection c = connections.getConnection()) {
            if (behind != null) {
                c.setAutoCommit(false);
                replay(c, behind);
                behind = null;
                updateHalt();
                c.setAutoCommit(true);
            }
            checkpoint(c);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not checkpoint on close; the log will be replayed on next start: {}", e.getMessage());
        } finally {
            log.close();
            writer.unlock();
        }
    }

    /**
     * The sale is committed and logged: it must be confirmed whatever happens here, or the cashier would ring it
     * again. A failed checkpoint only leaves the log longer until the next one (replay skips what H2 holds).
     */
    private void checkpointAfterCommit(Connection c) {
        try {
            checkpoint(c);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("checkpoint failed; the write-ahead log keeps its sales until the next one: {}", e.toString());
        }
    }

    private void checkpoint(Connection c) throws SQLException {
        Database.forceToDisk(c);
        log.reset();
    }

    /** The record serializer; called by the constructor or with the writer lock held. */
    private ObjectMapper json() {
        if (json == null) {
            json = new ObjectMapper();
        }
        return json;
    }

    private void recover() {
        List<byte[]> pending = log.recoveredRecords();
        if (pending.isEmpty() && log.size() == 0) {
            return;
        }
        int replayed = 0;
        try (Connection c = connections.getConnection()) {
            c.setAutoCommit(false);
            for (byte[] bytes : pending) {
                if (replayAny(c, bytes)) {
                    replayed++;
                }
            }
            int swept = sweepOrphans(c);
            c.commit();
            c.setAutoCommit(true);
            checkpoint(c);
            LOG.info("write-ahead log: {} sale(s) checked, {} restored, {} row(s) of unfinished sales removed",
                    pending.size(), replayed, swept);
        } catch (SQLException | IOException e) {
            throw new StorageException("cannot replay the write-ahead log", e);
        }
    }

    /** Replays one log record of any kind: a bare sale, or {@code {"logged": tag, "record": …}}. */
    private boolean replayAny(Connection c, byte[] bytes) throws SQLException, IOException {
        JsonNode node = json().readTree(bytes);
        JsonNode tag = node.get("logged");
        if (tag == null) {
            return replay(c, new LoggedSale(json().treeToValue(node, SaleRecord.class)));
        }
        LoggedKind<?> kind = kinds.get(tag.asText());
        if (kind == null) {
            throw new StorageException("the write-ahead log holds a " + tag.asText() + " record and nothing here "
                    + "can replay it", null);
        }
        return replay(c, logged(kind, node.get("record")));
    }

    private <R> Replayable logged(LoggedKind<R> kind, JsonNode recordNode) throws IOException {
        return new LoggedOther<>(kind, json().treeToValue(recordNode, kind.type()));
    }

    /**
     * Writes a logged entry into H2 so that H2 holds exactly what the log holds, whatever H2 kept of it: nothing,
     * all of it, or (after a crash in the middle of its transaction) some of its rows. Idempotent. Returns whether
     * anything was written.
     */
    private boolean replay(Connection c, Replayable logged) throws SQLException {
        JournalEntry entry = logged.entry();
        try {
            String stored = journal.txnIdAt(c, entry.seq());
            boolean written;
            if (stored == null) {
                logged.deleteRows(c);
                journal.insertNext(c, entry);
                logged.insertRows(c);
                written = true;
            } else if (!stored.equals(entry.txnId())) {
                throw new StorageException("journal and write-ahead log disagree at seq " + entry.seq(), null);
            } else if (!logged.rowsMatch(c)) {
                logged.deleteRows(c);
                logged.insertRows(c);
                written = true;
            } else {
                written = false;
            }
            c.commit();
            return written;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    /** A logged entry as replay writes it again; sales also know how to find and clear a partial write. */
    private interface Replayable {
        JournalEntry entry();

        /** Names it in messages and logs: a sale's receipt number, another kind's transaction id. */
        String label();

        void insertRows(Connection c) throws SQLException;

        default boolean rowsMatch(Connection c) throws SQLException {
            return true;
        }

        default void deleteRows(Connection c) throws SQLException {
        }
    }

    private record LoggedSale(SaleRecord record) implements Replayable {
        @Override
        public JournalEntry entry() {
            return record.entry();
        }

        @Override
        public String label() {
            return record.receiptNo();
        }

        @Override
        public void insertRows(Connection c) throws SQLException {
            insertSale(c, record, true);
        }

        @Override
        public boolean rowsMatch(Connection c) throws SQLException {
            return saleRowsMatch(c, record);
        }

        @Override
        public void deleteRows(Connection c) throws SQLException {
            deleteSaleRows(c, record.entry().txnId());
        }
    }

    private record LoggedOther<R>(LoggedKind<R> kind, R record) implements Replayable {
        @Override
        public JournalEntry entry() {
            return kind.entry(record);
        }

        @Override
        public String label() {
            return kind.tag() + " " + entry().txnId();
        }

        @Override
        public void insertRows(Connection c) throws SQLException {
            kind.insertRows(c, record, true);
        }
    }

    /** Whether H2 holds the sale's row and exactly as many lines and tenders as the record. */
    private static boolean saleRowsMatch(Connection c, SaleRecord record) throws SQLException {
        String txnId = record.entry().txnId();
        return count(c, "SELECT COUNT(*) FROM sale WHERE txn_id = ?", txnId) == 1
                && count(c, "SELECT COUNT(*) FROM sale_line WHERE txn_id = ?", txnId) == record.lines().size()
                && count(c, "SELECT COUNT(*) FROM sale_tender WHERE txn_id = ?", txnId) == record.tenders().size()
                && count(c, "SELECT COUNT(*) FROM sale_discount WHERE txn_id = ?", txnId) == record.discounts().size()
                && count(c, "SELECT COUNT(*) FROM bank_offer_use WHERE txn_id = ?", txnId) == record.capUses().size();
    }

    private static long count(Connection c, String sql, String txnId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, txnId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void deleteSaleRows(Connection c, String txnId) throws SQLException {
        for (String table : List.of("bank_offer_use", "sale_discount", "sale_tender", "sale_line", "sale")) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE txn_id = ?")) {
                s.setString(1, txnId);
                s.executeUpdate();
            }
        }
    }

    /**
     * After a crash (the log was not empty): rows of a sale whose transaction never finished, which H2's recovery
     * can leave behind without their journal entry (the cause of the replay's primary-key failure on
     * {@code sale_line}, issue 7). A sale without a journal entry was never confirmed.
     */
    private static int sweepOrphans(Connection c) throws SQLException {
        int removed = 0;
        try (Statement s = c.createStatement()) {
            removed += s.executeUpdate("DELETE FROM sale_discount d WHERE NOT EXISTS "
                    + "(SELECT 1 FROM journal j WHERE j.txn_id = d.txn_id)");
            removed += s.executeUpdate("DELETE FROM sale_tender t WHERE NOT EXISTS "
                    + "(SELECT 1 FROM journal j WHERE j.txn_id = t.txn_id)");
            removed += s.executeUpdate("DELETE FROM sale_line l WHERE NOT EXISTS "
                    + "(SELECT 1 FROM journal j WHERE j.txn_id = l.txn_id)");
            removed += s.executeUpdate("DELETE FROM sale s WHERE NOT EXISTS "
                    + "(SELECT 1 FROM journal j WHERE j.txn_id = s.txn_id)");
        }
        return removed;
    }

    private static SaleRecord toRecord(JournalEntry entry, Draft sale, String receiptNo) {
        List<SaleRecord.Line> lines = new ArrayList<>(sale.lines().size());
        for (int i = 0; i < sale.lines().size(); i++) {
            CartLine line = sale.lines().get(i);
            long listFen = line.amount().fen();
            long paidFen = sale.paidFen() == null ? listFen : sale.paidFen()[i];
            lines.add(new SaleRecord.Line(line.product().id(), line.product().primaryBarcode(), line.product().name(),
                    line.product().unit().label(), line.isWeighed(), line.quantity(), line.unitPrice().fen(),
                    paidFen, line.costFen().isPresent() ? line.costFen().getAsLong() : null,
                    paidFen == listFen ? null : listFen));
        }
        List<SaleRecord.DiscountRow> discounts = new ArrayList<>(sale.discounts().size());
        for (DiscountLine d : sale.discounts()) {
            discounts.add(new SaleRecord.DiscountRow(d.promotionId(), d.name(), d.kind(), d.stage(), d.amountFen(),
                    d.lineNo()));
        }
        List<SaleRecord.CapRow> caps = new ArrayList<>(sale.capUses().size());
        for (CapUse use : sale.capUses()) {
            caps.add(new SaleRecord.CapRow(use.promotionId(), use.payerHash(), use.dailyCap()));
        }
        List<SaleRecord.TenderRow> tenders = new ArrayList<>(sale.tenders().size());
        for (Tender t : sale.tenders()) {
            tenders.add(new SaleRecord.TenderRow(t.method(), t.amount().fen(), t.tendered().fen(), t.reference(),
                    t.cardNumber()));
        }
        return new SaleRecord(entry, receiptNo, sale.cashier(), sale.totalFen(), sale.changeFen(), lines, tenders,
                discounts, caps);
    }

    /**
     * Writes the sale's rows. At the commit ({@code replay} false) each capped bank offer is checked against its cap
     * first (under the writer lock, so no other sale records in between); a replay writes what was logged.
     */
    private static void insertSale(Connection c, SaleRecord sale, boolean replay) throws SQLException {
        String txnId = sale.entry().txnId();
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO sale (txn_id, receipt_no, cashier, total_fen, change_fen) VALUES (?,?,?,?,?)")) {
            s.setString(1, txnId);
            s.setString(2, sale.receiptNo());
            s.setString(3, sale.cashier());
            s.setLong(4, sale.totalFen());
            s.setLong(5, sale.changeFen());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sale_line (txn_id, line_no, product_id, barcode, "
                + "name, unit, weighed, quantity, unit_price_fen, amount_fen, cost_fen, list_amount_fen) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            int lineNo = 1;
            for (SaleRecord.Line line : sale.lines()) {
                s.setString(1, txnId);
                s.setInt(2, lineNo++);
                s.setLong(3, line.productId());
                s.setString(4, line.barcode());
                s.setString(5, line.name());
                s.setString(6, line.unit());
                s.setBoolean(7, line.weighed());
                s.setLong(8, line.quantity());
                s.setLong(9, line.unitPriceFen());
                s.setLong(10, line.amountFen());
                if (line.costFen() == null) {
                    s.setNull(11, java.sql.Types.BIGINT);
                } else {
                    s.setLong(11, line.costFen());
                }
                if (line.listAmountFen() == null) {
                    s.setNull(12, java.sql.Types.BIGINT);
                } else {
                    s.setLong(12, line.listAmountFen());
                }
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sale_tender (txn_id, position, method, amount_fen, "
                + "tendered_fen, reference, card_number) VALUES (?,?,?,?,?,?,?)")) {
            int position = 1;
            for (SaleRecord.TenderRow t : sale.tenders()) {
                s.setString(1, txnId);
                s.setInt(2, position++);
                s.setString(3, t.method().name());
                s.setLong(4, t.amountFen());
                s.setLong(5, t.tenderedFen());
                s.setString(6, t.reference());
                s.setString(7, t.cardNumber());
                s.addBatch();
            }
            s.executeBatch();
        }
        if (!sale.discounts().isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO sale_discount (txn_id, position, promotion_id, "
                    + "name, kind, stage, amount_fen, line_no) VALUES (?,?,?,?,?,?,?,?)")) {
                int position = 1;
                for (SaleRecord.DiscountRow d : sale.discounts()) {
                    s.setString(1, txnId);
                    s.setInt(2, position++);
                    s.setString(3, d.promotionId());
                    s.setString(4, d.name());
                    s.setString(5, d.kind());
                    s.setString(6, d.stage());
                    s.setLong(7, d.amountFen());
                    s.setInt(8, d.lineNo());
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        if (!sale.capUses().isEmpty()) {
            String businessDate = sale.entry().businessDate();
            List<BankOfferUseStore.Use> uses = new ArrayList<>();
            for (SaleRecord.CapRow use : sale.capUses()) {
                if (!replay && BankOfferUseStore.usesOf(c, use.promotionId(), use.payerHash(), businessDate, txnId)
                        >= use.dailyCap()) {
                    throw new CapReachedException(use.promotionId());
                }
                uses.add(new BankOfferUseStore.Use(use.promotionId(), use.payerHash()));
            }
            BankOfferUseStore.record(c, txnId, businessDate, uses);
        }
    }
}
