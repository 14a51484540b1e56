package org.tongpos.app.operators.service;

import java.time.Clock;
import org.tongpos.app.operators.domain.LoginPolicy;
import org.tongpos.app.operators.store.AuditStore;
import org.tongpos.app.storage.DurableTransaction;
import org.tongpos.app.operators.store.OperatorStore;
import org.tongpos.app.storage.Database;

/** The operators feature's services on one database, built once by the composition root. */
public final class OperatorServices {

    private final AuditLog audit;
    private final LoginService login;
    private final OperatorService operators;
    private final SupervisorApproval approvals;
    private final OperatorSetup setup;

    public OperatorServices(Database database, Clock clock, LoginPolicy policy) {
        this(database, clock, policy, new PinHasher());
    }

    OperatorServices(Database database, Clock clock, LoginPolicy policy, PinHasher hasher) {
        DurableTransaction durable = new DurableTransaction(database);
        OperatorStore store = new OperatorStore(database.dataSource());
        this.audit = new AuditLog(new AuditStore(database.dataSource()), durable, clock);
        PinCheck pins = new PinCheck(store, hasher, audit, durable, clock, policy);
        this.login = new LoginService(store, hasher, pins, audit, durable, clock);
        this.operators = new OperatorService(store, hasher, audit, durable, clock);
        this.approvals = new SupervisorApproval(pins, audit, clock);
        this.setup = new OperatorSetup(store, audit, durable, clock);
    }

    public AuditLog audit() {
        return audit;
    }

    public LoginService login() {
        return login;
    }

    public OperatorService operators() {
        return operators;
    }

    public SupervisorApproval approvals() {
        return approvals;
    }

    public OperatorSetup setup() {
        return setup;
    }
}
