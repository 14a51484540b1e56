package org.tongpos.sync.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faults to inject, for tests and demos. A rule matches a request by method (or any) and a regular
 * expression over the whole path (query excluded), and applies to the next {@code times} matching
 * requests (or forever with {@link #FOREVER}). Rules are tried in the order they were added; a request
 * gets at most one fault. Faults apply to {@code /v1} requests that passed the signature checks, so a
 * dropped request has used up its nonce, as it would at a real bank.
 */
public final class SandboxFaults {

    public static final int FOREVER = -1;
    private static final Logger LOG = LoggerFactory.getLogger(SandboxFaults.class);

    private final List<Rule> rules = new ArrayList<>();

    /**
     * @param method    HTTP method, or {@code null} for any
     * @param pathRegex matched against the entire path, e.g. {@code /v1/terminals/[^/]+/batches}
     * @param times     how many matching requests get the fault, or {@link #FOREVER}
     */
    public synchronized void inject(String method, String pathRegex, Fault fault, int times) {
        if (times == 0 || times < FOREVER) {
            throw new IllegalArgumentException("times must be positive or FOREVER: " + times);
        }
        rules.add(new Rule(method, Pattern.compile(pathRegex), fault, times));
        LOG.info("fault injected: {} on {} {} x{}", fault.kind(), method == null ? "*" : method, pathRegex,
                times == FOREVER ? "forever" : times);
    }

    /** Removes every rule. */
    public synchronized void clear() {
        rules.clear();
    }

    /** How many rules are still armed. */
    public synchronized int armed() {
        return rules.size();
    }

    /** The fault for this request, if any; counts it against its rule. */
    synchronized Optional<Fault> take(String method, String path) {
        Iterator<Rule> iterator = rules.iterator();
        while (iterator.hasNext()) {
            Rule rule = iterator.next();
            if ((rule.method == null || rule.method.equalsIgnoreCase(method)) && rule.path.matcher(path).matches()) {
                if (rule.remaining != FOREVER && --rule.remaining == 0) {
                    iterator.remove();
                }
                LOG.info("fault {} applied to {} {}", rule.fault.kind(), method, path);
                return Optional.of(rule.fault);
            }
        }
        return Optional.empty();
    }

    private static final class Rule {
        final String method;
        final Pattern path;
        final Fault fault;
        int remaining;

        Rule(String method, Pattern path, Fault fault, int remaining) {
            this.method = method;
            this.path = path;
            this.fault = fault;
            this.remaining = remaining;
        }
    }
}
