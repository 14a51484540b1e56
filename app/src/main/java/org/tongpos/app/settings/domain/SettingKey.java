package org.tongpos.app.settings.domain;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.tongpos.app.catalog.domain.ScaleBarcodeLayout;
import org.tongpos.app.money.domain.Money;
import org.tongpos.hardware.device.DeviceAddress;
import org.tongpos.hardware.device.InvalidDeviceAddressException;

/** The terminal's settings, each with its default and a check of the values it accepts. */
public enum SettingKey {
    TERMINAL_ID("terminal.id", "T0001", v -> v.matches("[A-Za-z0-9_-]{1,32}")),
    STORE_NAME("store.name", "通商便民超市", v -> !v.isBlank() && v.length() <= 60),
    // The window's cashier of record is the operator logged in; this only names the one a scripted `sale` records
    // when it is not given --operator (it named the cashier on duty before there were operators).
    CASHIER("cashier.name", "system", v -> !v.isBlank() && v.length() <= 32),
    LOCALE("ui.locale", "zh_CN", v -> v.equals("zh_CN") || v.equals("en")),
    TIME_ZONE("business.zone", "Asia/Shanghai", SettingKey::isZone),
    SCALE_LAYOUT("scale.layout", ScaleBarcodeLayout.DEFAULT.format(), SettingKey::isScaleLayout),
    RECEIPT_COLUMNS("receipt.columns", "32", v -> v.matches("32|42|48")),
    // The Settlement API's base URL ends in /v1 (the bank's contract); see docs/configuration.md, "Bank".
    // Backups (docs/operations.md): the window's daily backup, its folder (empty: DATA/backups) and how many it keeps
    BACKUP_DAILY("backup.daily", "true", v -> v.matches("true|false")),
    BACKUP_FOLDER("backup.folder", "", v -> v.isEmpty() || v.length() <= 500 && isAbsolutePath(v)),
    BACKUP_KEEP("backup.keep", "7", v -> isIntegerBetween(v, 1, 365)),
    BANK_URL("bank.url", "", v -> v.isEmpty() || v.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?/v1/?")),
    BANK_KEY("bank.key", "", v -> v.isEmpty() || v.matches("[A-Za-z0-9+/]{43}=")),
    BANK_MERCHANT("bank.merchant-id", "", v -> v.matches("[A-Za-z0-9_.:-]{0,32}")),
    // Plain http:// goes only to a sandbox on this machine; true lets a test lab use it to another host (README).
    BANK_ALLOW_PLAIN_HTTP("bank.allow-plain-http", "false", v -> v.matches("true|false")),
    // Operators (docs/user-guide.md, "登录"): the cashier the window logs in without a PIN (empty: nobody; a CASHIER
    // only), wrong PINs in a row before a lockout and its length, minutes without input before the screen locks
    // (0: never; not while logged in automatically), and the void amount in yuan above which a supervisor approves.
    LOGIN_AUTO("login.auto", "", v -> v.isEmpty() || v.matches("\\d{1,8}")),
    LOGIN_MAX_ATTEMPTS("login.max-attempts", "5", v -> isIntegerBetween(v, 1, 20)),
    LOGIN_LOCKOUT_MINUTES("login.lockout-minutes", "15", v -> isIntegerBetween(v, 1, 1440)),
    LOCK_IDLE_MINUTES("lock.idle-minutes", "10", v -> isIntegerBetween(v, 0, 1440)),
    /** Cash rounding (抹零) of sales paid wholly in cash: none, jiao, yuan or down (drop the fen). */
    CASH_ROUNDING("cash.rounding", "none", v -> v.matches("none|jiao|yuan|down")),
    VOID_APPROVAL_ABOVE("void.approval-above", "50", SettingKey::isYuan),
    // The till (docs/till.md): a drawer over or short by more than this (yuan) needs a reason at the Z report; a
    // refund above this (yuan) needs a supervisor unless the operator may refund.
    SHIFT_TOLERANCE("shift.over-short-tolerance", "2", SettingKey::isYuan),
    REFUND_APPROVAL_ABOVE("refund.approval-above", "0", SettingKey::isYuan),
    // a void this many minutes after the sale's first line needs a supervisor (0: never)
    VOID_APPROVAL_AFTER_MINUTES("void.approval-after-minutes", "0", v -> isIntegerBetween(v, 0, 1440)),
    // Keys of the cashier screen's actions (see docs/user-guide.md): F-keys and other keys that type nothing, or a
    // letter/digit with Ctrl or Alt, so that a barcode scanner's characters can never run a command.
    KEY_SEARCH("key.search", "F2", SettingKey::isKeyStroke),
    KEY_QUANTITY("key.quantity", "F3", SettingKey::isKeyStroke),
    KEY_REMOVE("key.remove", "Delete", SettingKey::isKeyStroke),
    KEY_CLEAR("key.clear", "F5", SettingKey::isKeyStroke),
    KEY_SETTINGS("key.settings", "F8", SettingKey::isKeyStroke),
    KEY_CASH("key.cash", "F12", SettingKey::isKeyStroke),
    KEY_MEMBER("key.member", "F6", SettingKey::isKeyStroke),
    KEY_CANCEL("key.cancel", "Esc", SettingKey::isKeyStroke),
    KEY_SELECT_UP("key.select-up", "Up", SettingKey::isKeyStroke),
    KEY_SELECT_DOWN("key.select-down", "Down", SettingKey::isKeyStroke),
    // Keys of commands that features add to the cashier window (TillExtension): the bank's sync screen, the device
    // screen, and reprinting the last receipt. Same rules; none may share a key with another command.
    KEY_BANK("key.bank", "F9", SettingKey::isKeyStroke),
    KEY_DEVICES("key.devices", "F7", SettingKey::isKeyStroke),
    KEY_REPRINT("key.reprint", "Ctrl+P", SettingKey::isKeyStroke),
    KEY_LOCK("key.lock", "Ctrl+L", SettingKey::isKeyStroke),
    // the till's shift, suspend and return screens (docs/till.md): suspend (挂单) and resume (取单) a sale, return
    // goods against a receipt (退货), the shift panel (班次), paid-in, paid-out, the X report and closing the shift
    KEY_SUSPEND("key.suspend", "F4", SettingKey::isKeyStroke),
    KEY_RESUME("key.resume", "Shift+F4", SettingKey::isKeyStroke),
    KEY_RETURN("key.return", "F1", SettingKey::isKeyStroke),
    KEY_SHIFT("key.shift", "Ctrl+S", SettingKey::isKeyStroke),
    KEY_PAID_IN("key.paid-in", "Ctrl+I", SettingKey::isKeyStroke),
    KEY_PAID_OUT("key.paid-out", "Ctrl+O", SettingKey::isKeyStroke),
    KEY_X_REPORT("key.x-report", "Ctrl+X", SettingKey::isKeyStroke),
    KEY_CLOSE_SHIFT("key.close-shift", "Ctrl+Z", SettingKey::isKeyStroke),
    // The canteen's serving line (docs/canteen.md): a guest meal against an approval, a cash walk-in, and switching
    // between the serving line and the till.
    KEY_GUEST("key.guest", "Ctrl+G", SettingKey::isKeyStroke),
    KEY_WALK_IN("key.walk-in", "Ctrl+W", SettingKey::isKeyStroke),
    KEY_SERVING("key.serving", "Ctrl+F11", SettingKey::isKeyStroke),
    // the owner's dashboard (docs/reports.md), for operators who may read reports
    KEY_REPORTS("key.reports", "Shift+F9", SettingKey::isKeyStroke),
    // the owner's stock screen (docs/reports.md#the-stock-screen): stock on hand, purchases in, counts, waste
    KEY_STOCK("key.stock", "Shift+F7", SettingKey::isKeyStroke),
    // the manager's promotions screen (docs/promotions.md#the-promotions-screen)
    KEY_PROMOTIONS("key.promotions", "Ctrl+M", SettingKey::isKeyStroke),
    // the serving line's meal-rules screen (docs/canteen.md#the-meal-rules-screen): periods, prices, menu, limits
    KEY_MEAL_RULES("key.meal-rules", "Ctrl+E", SettingKey::isKeyStroke),
    // What the window opens: the till (retail) or the canteen's serving line (canteen).
    TERMINAL_MODE("terminal.mode", "retail", v -> v.equals("retail") || v.equals("canteen")),
    // Devices of this terminal (docs/hardware.md): an address, or empty for none; sim: is the simulator, so that a
    // demo has devices. Checked by the hardware module's DeviceAddress and the schemes each kind of device can use.
    DEVICE_PRINTER("device.printer", "sim:", v -> isDeviceAddress(v, "tcp", "serial", "file", "sim")),
    DEVICE_PAPER("device.printer.paper", "58", v -> v.matches("58|80")),
    DEVICE_DRAWER("device.drawer", "true", v -> v.matches("true|false")),
    DEVICE_SCANNER("device.scanner", "sim:", v -> isDeviceAddress(v, "serial", "sim")),
    DEVICE_DISPLAY("device.display", "sim:", v -> isDeviceAddress(v, "serial", "tcp", "file", "sim")),
    // no simulated scale by default: with nothing on it, it would refuse every weighed item of the demo store
    DEVICE_SCALE("device.scale", "", v -> isDeviceAddress(v, "serial", "sim")),
    DEVICE_CARD_READER("device.card-reader", "sim:", v -> isDeviceAddress(v, "pcsc", "sim")),
    /** {@code sim:}, {@code zkteco:PORT} (the PUSH server), or {@code hikvision:http://user@host[:port]}. */
    DEVICE_FACE("device.face", "sim:", SettingKey::isFaceTerminal),
    DEVICE_FACE_PASSWORD("device.face.password", "", v -> v.length() <= 64);

    private static final String MODIFIERS = "(?:(?:Ctrl|Alt|Shift)\\+)*";
    private static final String COMMAND_KEY =
            "(?:F(?:[1-9]|1\\d|2[0-4])|Delete|Insert|Home|End|Page Up|Page Down|Up|Down|Left|Right|Esc|Pause)";

    private final String key;
    private final String defaultValue;
    private final Predicate<String> valid;

    SettingKey(String key, String defaultValue, Predicate<String> valid) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.valid = valid;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public boolean accepts(String value) {
        return value != null && valid.test(value);
    }

    /** True for settings whose value must never be printed in full (logs, {@code config list}). */
    public boolean isSecret() {
        return this == BANK_KEY || this == DEVICE_FACE_PASSWORD;
    }

    public static Optional<SettingKey> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    private static boolean isAbsolutePath(String value) {
        try {
            return java.nio.file.Path.of(value).isAbsolute();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isZone(String value) {
        try {
            ZoneId.of(value);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A key as JavaFX names it ({@code F12}, {@code Ctrl+F}, {@code Page Up}) that types no character by itself. */
    private static boolean isKeyStroke(String value) {
        return value.matches(MODIFIERS + COMMAND_KEY)
                || value.matches(MODIFIERS + "(?:Ctrl|Alt)\\+" + MODIFIERS + "[A-Z0-9]");
    }

    private static boolean isDeviceAddress(String value, String... schemes) {
        if (value.isEmpty()) {
            return true;
        }
        try {
            String scheme = DeviceAddress.parse(value).scheme().name().toLowerCase(Locale.ROOT);
            return Arrays.asList(schemes).contains(scheme);
        } catch (InvalidDeviceAddressException e) {
            return false;
        }
    }

    private static boolean isFaceTerminal(String value) {
        return value.isEmpty() || value.equals("sim:") || value.matches("zkteco:\\d{1,5}")
                && Integer.parseInt(value.substring("zkteco:".length())) <= 65535
                || value.matches("hikvision:https?://[^@/\\s]+@[^/\\s]+/?");
    }

    private static boolean isIntegerBetween(String value, int min, int max) {
        if (!value.matches("\\d{1,5}")) {
            return false;
        }
        int number = Integer.parseInt(value);
        return number >= min && number <= max;
    }

    private static boolean isYuan(String value) {
        if (!value.matches("\\d{1,7}(\\.\\d{1,2})?")) {
            return false;
        }
        try {
            return !Money.parseYuan(value).isNegative();
        } catch (IllegalArgumentException | ArithmeticException e) {
            return false;
        }
    }

    private static boolean isScaleLayout(String value) {
        try {
            ScaleBarcodeLayout.parse(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
