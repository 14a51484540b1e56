package org.tongpos.app.operators.service;

import java.util.List;
import org.tongpos.app.i18n.Messages;

/**
 * An operator change refused because of what was asked (a taken number, a PIN too short, the last manager): nothing
 * was changed. The reason is a bundle key with its arguments, said in the reader's language.
 */
public final class OperatorException extends Exception {

    private final String key;
    private final transient List<Object> args;

    public OperatorException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = List.of(args);
    }

    public String key() {
        return key;
    }

    public List<Object> args() {
        return args;
    }

    public String text(Messages messages) {
        return messages.get(key, args.toArray());
    }
}
