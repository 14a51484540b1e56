package org.tongpos.sync.feed;

import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What the terminal adds to the accounts feed: how a diner's name is turned into searchable initials (the app gives
 * pinyin initials; this module knows no pinyin) and who is told of each applied change.
 */
public record FeedHooks(UnaryOperator<String> nameInitials, AccountChangeListener listener) {

    /** Initials are the name's ASCII letters and digits, lowercase; nobody listens. */
    public static final FeedHooks NONE = new FeedHooks(FeedHooks::asciiInitials, AccountChangeListener.NONE);

    public FeedHooks {
        Objects.requireNonNull(nameInitials, "nameInitials");
        Objects.requireNonNull(listener, "listener");
    }

    static String asciiInitials(String name) {
        StringBuilder initials = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (c < 128 && Character.isLetterOrDigit(c)) {
                initials.append(c);
            }
        }
        return initials.toString().toLowerCase(Locale.ROOT);
    }
}
