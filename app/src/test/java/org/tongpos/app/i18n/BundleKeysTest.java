package org.tongpos.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tongpos.app.canteen.domain.OfflineLimit;
import org.tongpos.app.canteen.domain.RefusalReason;
import org.tongpos.app.checkout.domain.PaymentException;
import org.tongpos.app.checkout.domain.SellingStoppedException;
import org.tongpos.app.checkout.ui.CashierAction;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.reports.domain.CanteenReport;
import org.tongpos.app.shifts.domain.CashMovement;
import org.tongpos.app.shifts.domain.ShiftReport;
import org.tongpos.sync.journal.TenderMethod;

/**
 * Both languages say everything: the bundles have the same keys, every key the code uses exists, and every pattern is
 * a valid MessageFormat with the same placeholders in both languages.
 */
class BundleKeysTest {

    private static final String ROOT = "/org/tongpos/app/i18n/messages.properties";
    private static final String CHINESE = "/org/tongpos/app/i18n/messages_zh_CN.properties";

    /**
     * A message lookup: {@code messages.get(}, {@code Notice.error(}, or a key kept for one: {@code Problem.of(},
     * {@code Reason.of(}.
     */
    private static final String LOOKUP = "(?:\\.get|Notice\\.(?:error|info)|Notice\\.Key|(?:Problem|Reason)\\.of)";
    /** A literal key handed to a message lookup: {@code messages.get("a.b")}, {@code Notice.error("a.b")}. */
    private static final Pattern LITERAL_KEY = Pattern.compile(
            LOOKUP + "\\(\\s*\"([a-z][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]+)+)\"");
    /** A key built at run time: {@code messages.get("tender." + method)}. */
    private static final Pattern KEY_PREFIX = Pattern.compile(LOOKUP + "\\(\\s*\"([a-z][A-Za-z0-9_.-]*\\.)\"\\s*\\+");
    /** Key families built at run time, with every key they can produce. */
    private static final Map<String, Set<String>> DYNAMIC_FAMILIES = Map.ofEntries(
            Map.entry("tender.", names(TenderMethod.values(), TenderMethod::name)),
            Map.entry("payment.refused.", names(PaymentException.Reason.values(), PaymentException.Reason::name)),
            Map.entry("checkout.action.", names(CashierAction.values(), CashierAction::id)),
            Map.entry("role.", names(Role.values(), Role::name)),
            Map.entry("permission.", names(Permission.values(), Permission::name)),
            Map.entry("audit.action.", names(AuditAction.values(), AuditAction::name)),
            Map.entry("canteen.refused.", names(RefusalReason.values(), RefusalReason::name)),
            Map.entry("canteen.offline.", names(OfflineLimit.values(), OfflineLimit::name)),
            Map.entry("serving.by.", names(org.tongpos.app.canteen.domain.IdentifiedBy.values(),
                    org.tongpos.app.canteen.domain.IdentifiedBy::name)),
            Map.entry("serving.short.", names(RefusalReason.values(), RefusalReason::name)),
            Map.entry("checkout.stopped.",
                    names(SellingStoppedException.State.values(), SellingStoppedException.State::name)),
            Map.entry("shift.report.title.", names(ShiftReport.Kind.values(), ShiftReport.Kind::name)),
            Map.entry("shift.report.movement.", names(CashMovement.Kind.values(), CashMovement.Kind::name)),
            Map.entry("report.rule.", names(CanteenReport.Rule.values(), CanteenReport.Rule::name)),
            Map.entry("report.canteen.by.",
                    names(CanteenReport.CanteenGrouping.values(), CanteenReport.CanteenGrouping::name)),
            Map.entry("rules.day.kind.", names(org.tongpos.app.canteen.domain.CalendarDay.Kind.values(),
                    org.tongpos.app.canteen.domain.CalendarDay.Kind::name)),
            Map.entry("rules.limit.", names(org.tongpos.app.canteen.domain.CanteenSetting.values(),
                    org.tongpos.app.canteen.domain.CanteenSetting::key)));
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        Set<String> english = load(ROOT).stringPropertyNames();
        Set<String> chinese = load(CHINESE).stringPropertyNames();

        assertThat(difference(chinese, english)).as("keys only in the Chinese bundle").isEmpty();
        assertThat(difference(english, chinese)).as("keys only in the English bundle").isEmpty();
    }

    @Test
    void everyKeyTheCodeUsesExistsInBothBundles() throws IOException {
        Set<String> used = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (String source : sources().values()) {
            collect(LITERAL_KEY.matcher(source), used);
            collect(KEY_PREFIX.matcher(source), prefixes);
        }
        assertThat(used).as("the scan finds the lookups").contains("receipt.scalePriced", "scan.unknown",
                "checkout.payment.invalid", "settings.duplicateKey");
        assertThat(DYNAMIC_FAMILIES.keySet()).as("every key built at run time is a known family")
                .containsAll(prefixes);
        DYNAMIC_FAMILIES.forEach((prefix, names) -> names.forEach(name -> used.add(prefix + name)));

        for (String bundle : new String[] {ROOT, CHINESE}) {
            Set<String> keys = load(bundle).stringPropertyNames();
            assertThat(difference(used, keys)).as("keys used in code but missing from " + bundle).isEmpty();
        }
    }

    @Test
    void everyPatternIsValidAndHasTheSamePlaceholdersInBothLanguages() throws IOException {
        Properties english = load(ROOT);
        Properties chinese = load(CHINESE);
        Map<String, String> problems = new TreeMap<>();
        for (String key : english.stringPropertyNames()) {
            for (Properties bundle : new Properties[] {english, chinese}) {
                String pattern = bundle.getProperty(key, "");
                try {
                    new MessageFormat(pattern);
                } catch (IllegalArgumentException e) {
                    problems.put(key, "not a MessageFormat: " + e.getMessage());
                }
                if (pattern.replace("''", "").contains("'")) {
                    problems.put(key, "single apostrophe (write '' in MessageFormat patterns): " + pattern);
                }
            }
            if (chinese.containsKey(key)
                    && !placeholders(english.getProperty(key)).equals(placeholders(chinese.getProperty(key)))) {
                problems.put(key, "placeholders differ between the languages");
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        collect(PLACEHOLDER.matcher(pattern), found);
        return found;
    }

    private static void collect(Matcher matcher, Set<String> into) {
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static Map<Path, String> sources() throws IOException {
        Path root = Path.of(System.getProperty("basedir", "."), "src", "main", "java");
        assertThat(root).as("the app's sources, scanned for message keys").isDirectory();
        try (Stream<Path> files = Files.walk(root)) {
            Map<Path, String> sources = new TreeMap<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.put(file, Files.readString(file, StandardCharsets.UTF_8));
            }
            return sources;
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BundleKeysTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static <T> Set<String> names(T[] values, Function<T, String> name) {
        return Arrays.stream(values).map(name).collect(Collectors.toCollection(TreeSet::new));
    }
}
