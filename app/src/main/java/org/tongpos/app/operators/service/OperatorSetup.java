package org.tongpos.app.operators.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditEntry;
import org.tongpos.app.operators.domain.Operator;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.storage.DurableTransaction;
import org.tongpos.app.operators.store.OperatorStore;
import org.tongpos.sync.journal.ApiTimes;

/**
 * The operators a terminal starts with. On a first start (no operator at all) a manager {@value #FIRST_MANAGER}
 * with the known PIN {@value #FIRST_MANAGER_PIN}, which must be changed at the first log-in; for demos and training
 * the documented demo operators ({@link #DEMO}). Their PINs are public, so their hashes are written here (made with
 * {@link PinHasher} and a fixed salt; {@code OperatorSetupTest} checks them), and creating them costs no hashing.
 */
public final class OperatorSetup {

    public static final String FIRST_MANAGER = "900";
    public static final String FIRST_MANAGER_NAME = "店长";
    public static final String FIRST_MANAGER_PIN = "0000";
    static final String FIRST_MANAGER_HASH =
            "pbkdf2-sha256$210000$dG9uZ3Bvcy1maXJzdDkwMA$uMMsxFokj0gxe402ExUv0XmXPpJRpmqEfVzly4D0zgA";

    /** A documented demo operator (README, "Operators"). */
    public record DemoOperator(String number, String name, Role role, String pin, String pinHash) {
    }

    public static final List<DemoOperator> DEMO = List.of(
            new DemoOperator("001", "王芳", Role.CASHIER, "1111",
                    "pbkdf2-sha256$210000$dG9uZ3Bvcy1kZW1vLTAwMQ$vSzw+bHR9ittZrMjyY3E2vW0fkMAulPAHU04SPZUTuA"),
            new DemoOperator("002", "李强", Role.SUPERVISOR, "2222",
                    "pbkdf2-sha256$210000$dG9uZ3Bvcy1kZW1vLTAwMg$/LA9K9fGr2XHTcpLpiCPY2mG9MLO+E6EKCBx6ID28Rs"),
            new DemoOperator("003", "赵敏", Role.MANAGER, "3333",
                    "pbkdf2-sha256$210000$dG9uZ3Bvcy1kZW1vLTAwMw$9/PswURShQuSosvcWQb/H56VS+v3YB4v/u3xv2SWcoQ"),
            new DemoOperator("004", "陈静", Role.AUDITOR, "4444",
                    "pbkdf2-sha256$210000$dG9uZ3Bvcy1kZW1vLTAwNA$C64tw3Z1UU/IVN7nsi3rf3nHcTiWfV5iaV/HQP0q20g"));

    /** The demo cashier, whom {@code demo-data} sets as {@code login.auto}. */
    public static final String DEMO_CASHIER = "001";

    private static final Logger LOG = LoggerFactory.getLogger(OperatorSetup.class);

    private final OperatorStore operators;
    private final AuditLog audit;
    private final DurableTransaction durable;
    private final Clock clock;

    OperatorSetup(OperatorStore operators, AuditLog audit, DurableTransaction durable, Clock clock) {
        this.operators = operators;
        this.audit = audit;
        this.durable = durable;
        this.clock = clock;
    }

    public boolean hasNoOperators() {
        return operators.isEmpty();
    }

    /**
     * On a terminal without any operator, creates the first manager ({@value #FIRST_MANAGER}, PIN
     * {@value #FIRST_MANAGER_PIN}, to be changed at the first log-in) and returns it; empty when there were operators.
     */
    public synchronized Optional<Operator> ensureFirstManager() {
        if (!operators.isEmpty()) {
            return Optional.empty();
        }
        Operator manager = Operator.create(FIRST_MANAGER, FIRST_MANAGER_NAME, Role.MANAGER, true);
        Session system = Session.commandLine(Session.SYSTEM, clock.instant());
        boolean created = durable.run(c -> {
            if (!operators.insert(c, manager, FIRST_MANAGER_HASH, now())) {
                return false;
            }
            audit.append(c, AuditEntry.by(system, AuditAction.OPERATOR_ADDED).subject(FIRST_MANAGER)
                    .detail(FIRST_MANAGER_NAME + " MANAGER; first start; must change PIN"));
            return true;
        });
        if (created) {
            LOG.info("first start: created manager {} (the initial PIN must be changed at the first log-in)",
                    FIRST_MANAGER);
        }
        return created ? Optional.of(manager) : Optional.empty();
    }

    /** Creates the demo operators whose numbers are free; returns those it created. */
    public List<Operator> installDemoOperators(Session by) {
        by.require(Permission.MANAGE_OPERATORS);
        List<Operator> created = new ArrayList<>();
        durable.run(c -> {
            for (DemoOperator demo : DEMO) {
                Operator operator = Operator.create(demo.number(), demo.name(), demo.role(), false);
                if (operators.insert(c, operator, demo.pinHash(), now())) {
                    audit.append(c, AuditEntry.by(by, AuditAction.OPERATOR_ADDED).subject(demo.number())
                            .detail(demo.name() + " " + demo.role() + "; demo operator"));
                    created.add(operator);
                }
            }
            return null;
        });
        return created;
    }

    private String now() {
        return ApiTimes.format(OffsetDateTime.now(clock).withNano(0));
    }
}
