package org.tongpos.app.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The user-visible strings of one language, from {@code messages*.properties}, with MessageFormat placeholders. */
public final class Messages {

    public static final String BUNDLE = "org.tongpos.app.i18n.messages";
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    public static Messages of(Locale locale) {
        return new Messages(ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES)), locale);
    }

    /** {@code zh_CN} or {@code en}, as the {@code ui.locale} setting stores it. */
    public static Messages forSetting(String setting) {
        return of("en".equals(setting) ? Locale.ROOT : CHINESE);
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message for key " + key, e);
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
