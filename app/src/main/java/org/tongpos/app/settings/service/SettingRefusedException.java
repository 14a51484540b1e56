package org.tongpos.app.settings.service;

/** A setting was not stored: the {@link SettingRefusal} says why. Nothing of the change was written. */
public final class SettingRefusedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient SettingRefusal refusal;

    public SettingRefusedException(SettingRefusal refusal) {
        super("refused " + refusal.setting().key() + ": " + refusal.reason()
                + (refusal.detail().isEmpty() ? "" : " (" + refusal.detail() + ")"));
        this.refusal = refusal;
    }

    public SettingRefusal refusal() {
        return refusal;
    }
}
