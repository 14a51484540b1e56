package org.tongpos.app.ui;

import java.util.List;
import java.util.Objects;
import org.tongpos.app.i18n.Messages;

/**
 * A message for the person at the till, kept as a bundle key and arguments so that it can be shown in whichever
 * language the screen is in when it is drawn.
 */
public record Notice(Severity severity, String key, List<Object> args) {

    /** How the message is shown: errors in red, information in green. */
    public enum Severity {
        INFO, ERROR
    }

    /**
     * An argument that is itself a bundle key, shown translated (e.g. an action's name). A {@link Notice} as an
     * argument is shown as its text (a reason inside a sentence).
     */
    public record Key(String key) {
    }

    public Notice {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static Notice info(String key, Object... args) {
        return new Notice(Severity.INFO, key, List.of(args));
    }

    public static Notice error(String key, Object... args) {
        return new Notice(Severity.ERROR, key, List.of(args));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public String text(Messages messages) {
        Object[] shown = args.toArray();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof Key nested) {
                shown[i] = messages.get(nested.key());
            } else if (shown[i] instanceof Notice nested) {
                shown[i] = nested.text(messages);
            }
        }
        return messages.get(key, shown);
    }
}
