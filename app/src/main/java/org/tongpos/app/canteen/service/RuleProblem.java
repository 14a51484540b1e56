package org.tongpos.app.canteen.service;

import java.util.List;

/**
 * A change refused (a rule, a diner, a top-up), with the message key and arguments that say why in the user's
 * language; nothing was changed.
 */
public final class RuleProblem extends RuntimeException {

    private final String key;
    private final List<Object> args;

    private RuleProblem(String key, List<Object> args) {
        super(key + " " + args);
        this.key = key;
        this.args = args;
    }

    public static RuleProblem of(String key, Object... args) {
        return new RuleProblem(key, List.of(args));
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.toArray();
    }
}
