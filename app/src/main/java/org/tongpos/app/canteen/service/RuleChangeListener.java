package org.tongpos.app.canteen.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where {@link CanteenRules} sends every rule change once it is stored: the one place the audit log (issue 8,
 * operators and audit, built on its own branch) plugs in. It is called after the change is on disk, on the thread
 * that made it; a listener that throws does not undo the change (the audit log should write in the same durable
 * step when it exists: see {@link CanteenRules}).
 */
@FunctionalInterface
public interface RuleChangeListener {

    void ruleChanged(RuleChange change);

    /**
     * NOT an audit log: a placeholder until the audit log exists. It only writes each change to the application log
     * (SLF4J, INFO), which is neither append-only nor hash-chained. Replace it in the composition root.
     */
    RuleChangeListener NOT_AUDITED_YET = new RuleChangeListener() {
        private final Logger log = LoggerFactory.getLogger(RuleChangeListener.class);

        @Override
        public void ruleChanged(RuleChange change) {
            log.info("canteen rule changed (not audited yet): {} '{}' -> '{}' by {}", change.subject(),
                    change.before(), change.after(), change.operator());
        }
    };
}
