package org.tongpos.app.promotions.service;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.service.CatalogCsvReader.Problem;
import org.tongpos.app.catalog.service.CatalogService;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.ApprovalRequest;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditEntry;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.Approval;
import org.tongpos.app.operators.service.AuditLog;
import org.tongpos.app.promotions.domain.Promotion;
import org.tongpos.app.promotions.domain.PromotionBook;
import org.tongpos.app.promotions.domain.PromotionRules;
import org.tongpos.app.promotions.domain.Reason;
import org.tongpos.app.promotions.domain.Target;
import org.tongpos.app.promotions.domain.TargetType;
import org.tongpos.app.promotions.store.PromotionStore;
import org.tongpos.sync.journal.ApiTimes;

/**
 * The store's promotions: list, show, save (checked: every reason as a message key), disable, import a CSV all or
 * nothing. Every change is recorded with who made it. Keeps the {@link PromotionBook} the till prices with, rebuilt
 * after each change.
 */
public final class PromotionService {

    private static final Logger LOG = LoggerFactory.getLogger(PromotionService.class);

    private final PromotionStore store;
    private final CatalogService catalog;
    private final Clock clock;
    private volatile PromotionBook book;
    private volatile AuditLog audit;

    public PromotionService(PromotionStore store, CatalogService catalog, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** What a save or an import did: the problems that stopped it (nothing saved), or the counts saved. */
    public record SaveOutcome(List<Problem> problems, PromotionStore.SaveCounts counts) {
        public boolean isSaved() {
            return problems.isEmpty();
        }

        public int added() {
            return counts.added();
        }

        public int updated() {
            return counts.updated();
        }

        public int unchanged() {
            return counts.unchanged();
        }

        /** The reasons of a single promotion's save (line 0), for a screen. */
        public List<org.tongpos.app.catalog.service.CatalogCsvReader.Reason> reasons() {
            return problems.stream().flatMap(p -> p.reasons().stream()).toList();
        }
    }

    /** Where the changes made by an operator ({@link #save(Session, Promotion)} and the like) are audited. */
    public void useAudit(AuditLog log) {
        this.audit = log;
    }

    /**
     * Saves one promotion as the session's operator: only one who may edit promotions (a manager; the command line);
     * the change is in the promotion's history and, saved, in the audit log ({@code PROMOTION_CHANGED}).
     *
     * @throws AccessDeniedException a cashier, supervisor or auditor: nothing saved
     */
    public SaveOutcome save(Session session, Promotion p) {
        return save(session, p, Optional.empty());
    }

    /**
     * Saves one promotion as the session's operator, or, when that operator may not edit promotions (a cashier or
     * supervisor at the till), with a manager's {@link Approval} given there and then for exactly this promotion
     * ({@link #approvalFor}); the audit record names the approver.
     *
     * @throws AccessDeniedException neither the operator nor an approval allows it: nothing saved
     */
    public SaveOutcome save(Session session, Promotion p, Optional<Approval> approval) {
        String approvedBy = allowed(session, approvalFor(p.id()), approval);
        SaveOutcome outcome = save(p, session.recordedAs());
        if (outcome.isSaved()) {
            audited(session, p.id(), "saved: " + counted(outcome.counts()) + " " + PromotionCsv.row(p), approvedBy,
                    approval);
        }
        return outcome;
    }

    /**
     * What a manager approves when an operator who may not edit promotions saves, switches on or off the promotion
     * {@code id} ({@link Permission#EDIT_PROMOTIONS}, audited as {@link AuditAction#PROMOTION_CHANGED}).
     */
    public static ApprovalRequest approvalFor(String id) {
        return new ApprovalRequest(Permission.EDIT_PROMOTIONS, AuditAction.PROMOTION_CHANGED, id.strip(),
                Optional.empty(), "promotion");
    }

    /** True when {@code session} needs a manager's approval to change promotions. */
    public static boolean needsApproval(Session session) {
        return !session.may(Permission.EDIT_PROMOTIONS);
    }

    /** The approver's number ("" for none) when the session may make the change; otherwise refused. */
    private static String allowed(Session session, ApprovalRequest request, Optional<Approval> approval) {
        if (session.may(Permission.EDIT_PROMOTIONS)) {
            return "";
        }
        if (approval.isEmpty() || !approval.get().approves(request) || !session.may(Permission.SELL)) {
            throw new AccessDeniedException(session.operator().orElseThrow(), Permission.EDIT_PROMOTIONS);
        }
        return approval.get().approver().number();
    }

    /**
     * Saves the promotion a screen edits as named fields (the import file's columns: {@code id}, {@code name},
     * {@code kind}, …; empty ones left out), read exactly as an import row is; problems as for one row (line 0).
     */
    public SaveOutcome save(Session session, Map<String, String> fields) throws IOException {
        session.require(Permission.EDIT_PROMOTIONS);
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        fields.forEach((column, value) -> {
            if (value != null && !value.isBlank()) {
                columns.add(column.strip());
                values.add(value.strip());
            }
        });
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(columns);
            printer.printRecord(values);
        }
        PromotionCsv.Result read = new PromotionCsv().read(
                new java.io.ByteArrayInputStream(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        if (!read.problems().isEmpty()) {
            List<Problem> once = read.problems().stream().map(problem -> new Problem(0, problem.reasons())).toList();
            return new SaveOutcome(once, new PromotionStore.SaveCounts(0, 0, 0));
        }
        return save(session, read.promotions().get(0));
    }

    /** Switches a promotion on or off as the session's operator (a manager), audited; false when there is none. */
    public boolean setActive(Session session, String id, boolean active) {
        return setActive(session, id, active, Optional.empty());
    }

    /** Switches a promotion on or off as the session's operator or with a manager's approval (as {@link #save}). */
    public boolean setActive(Session session, String id, boolean active, Optional<Approval> approval) {
        String approvedBy = allowed(session, approvalFor(id), approval);
        boolean changed = setActive(id, active, session.recordedAs());
        if (changed) {
            audited(session, id.strip(), active ? "enabled" : "disabled", approvedBy, approval);
        }
        return changed;
    }

    /** Imports a CSV as the session's operator (a manager), all or nothing, audited when saved. */
    public SaveOutcome importCsv(Session session, InputStream csv) throws IOException {
        return importCsv(session, csv, Optional.empty());
    }

    /** Imports a CSV as the session's operator or with a manager's approval of {@code approvalFor("import")}. */
    public SaveOutcome importCsv(Session session, InputStream csv, Optional<Approval> approval) throws IOException {
        String approvedBy = allowed(session, approvalFor("import"), approval);
        SaveOutcome outcome = importCsv(csv, session.recordedAs());
        if (outcome.isSaved()) {
            audited(session, "import", "imported: " + counted(outcome.counts()), approvedBy, approval);
        }
        return outcome;
    }

    private static String counted(PromotionStore.SaveCounts counts) {
        return counts.added() + " added, " + counts.updated() + " updated, " + counts.unchanged() + " unchanged";
    }

    private void audited(Session session, String subject, String detail, String approvedBy,
                         Optional<Approval> approval) {
        AuditLog log = audit;
        if (log != null) {
            String full = approval.isPresent() && !approvedBy.isEmpty()
                    ? "approval seq " + approval.get().auditSeq() + "; " + detail : detail;
            String text = full.length() > 900 ? full.substring(0, 900) : full;
            AuditEntry entry = AuditEntry.by(session, AuditAction.PROMOTION_CHANGED).subject(subject).detail(text);
            log.record(approvedBy.isEmpty() ? entry : entry.approvedBy(approvedBy));
        }
    }

    public List<Promotion> all() {
        return store.loadAll();
    }

    /** Promotions switched on whose dates have not ended (they may still wait for their weekday or hour). */
    public List<Promotion> active() {
        LocalDate today = LocalDate.now(clock);
        return store.loadAll().stream().filter(p -> p.active() && !p.conditions().window().endedBefore(today)).toList();
    }

    public Optional<Promotion> find(String id) {
        return store.find(id.strip());
    }

    public List<PromotionStore.Change> history(String id) {
        return store.history(id.strip());
    }

    /** Every reason the promotion cannot be saved: its own rules, then products and categories the catalog lacks. */
    public List<Reason> check(Promotion p) {
        List<Reason> reasons = new ArrayList<>(PromotionRules.check(p));
        reasons.addAll(unknownGoods(p, knownCategories()));
        return reasons;
    }

    /** Saves one promotion (new or changed) as {@code actor}; refused with its reasons, nothing saved. */
    public SaveOutcome save(Promotion p, String actor) {
        List<Reason> reasons = check(p);
        if (!reasons.isEmpty()) {
            return new SaveOutcome(List.of(new Problem(0, reasons.stream().map(CsvRows::reason).toList())),
                    new PromotionStore.SaveCounts(0, 0, 0));
        }
        return new SaveOutcome(List.of(), saveAll(List.of(p), actor));
    }

    /** Switches a promotion off; false when there is none with that id. */
    public boolean disable(String id, String actor) {
        return setActive(id, false, actor);
    }

    /** Switches a promotion on again; false when there is none with that id. */
    public boolean enable(String id, String actor) {
        return setActive(id, true, actor);
    }

    private boolean setActive(String id, boolean active, String actor) {
        boolean changed = store.setActive(id.strip(), active, PromotionCsv::row, actor, now());
        if (changed) {
            LOG.info("promotion {} {} by {}", id, active ? "enabled" : "disabled", actor);
            book = null;
        }
        return changed;
    }

    /**
     * Imports a promotions CSV all or nothing: a file with any bad row saves nothing, and every bad row is reported
     * with its line; rows naming goods the catalog does not have are reported once the file itself is clean.
     */
    public SaveOutcome importCsv(InputStream csv, String actor) throws IOException {
        PromotionCsv.Result read = new PromotionCsv().read(csv);
        if (!read.problems().isEmpty()) {
            return new SaveOutcome(read.problems(), new PromotionStore.SaveCounts(0, 0, 0));
        }
        Set<String> categories = knownCategories();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < read.promotions().size(); i++) {
            List<Reason> unknown = unknownGoods(read.promotions().get(i), categories);
            if (!unknown.isEmpty()) {
                problems.add(new Problem(read.lineOf(i), unknown.stream().map(CsvRows::reason).toList()));
            }
        }
        if (!problems.isEmpty()) {
            return new SaveOutcome(problems, new PromotionStore.SaveCounts(0, 0, 0));
        }
        return new SaveOutcome(List.of(), saveAll(read.promotions(), actor));
    }

    /** The active promotions indexed for pricing; rebuilt after any change. */
    public PromotionBook book() {
        PromotionBook current = book;
        if (current == null) {
            current = PromotionBook.of(store.loadAll());
            book = current;
        }
        return current;
    }

    private PromotionStore.SaveCounts saveAll(List<Promotion> promotions, String actor) {
        PromotionStore.SaveCounts counts = store.saveAll(promotions, PromotionCsv::row, actor, now());
        LOG.info("promotions saved by {}: {} added, {} updated, {} unchanged", actor, counts.added(), counts.updated(),
                counts.unchanged());
        book = null;
        return counts;
    }

    private List<Reason> unknownGoods(Promotion p, Set<String> categories) {
        List<Reason> reasons = new ArrayList<>();
        for (Target target : List.of(p.target(), p.terms().getTarget())) {
            if (target.type() == TargetType.PRODUCT) {
                for (String code : target.values()) {
                    if (catalog.byBarcode(code).isEmpty() && (!code.matches("\\d{1,7}") || catalog.byPlu(code).isEmpty())) {
                        reasons.add(Reason.of("promo.rule.unknownProduct", code));
                    }
                }
            } else if (target.type() == TargetType.CATEGORY) {
                for (String category : target.values()) {
                    if (!categories.contains(category)) {
                        reasons.add(Reason.of("promo.rule.unknownCategory", category));
                    }
                }
            }
        }
        return reasons;
    }

    private Set<String> knownCategories() {
        Set<String> categories = new HashSet<>();
        for (Product p : catalog.all()) {
            categories.add(p.category());
        }
        return categories;
    }

    private String now() {
        return ApiTimes.format(OffsetDateTime.now(clock).withNano(0));
    }
}
