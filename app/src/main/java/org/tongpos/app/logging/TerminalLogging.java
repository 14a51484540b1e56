package org.tongpos.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.util.FileSize;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The terminal's logging, set up in code: Logback finds this class as a service and no longer parses an XML file on
 * every start, which cost a process more than anything else of a short command (docs/performance.md). Logs go to
 * standard error, so that a command's output on standard output stays machine-readable; WARN and above, except the
 * window's start ({@code org.tongpos.app.shell}: "ready to scan after N ms", at {@code -Dtongpos.log.shell=LEVEL},
 * INFO by default).
 *
 * <p>Once a window or a command owns its data directory it also logs to rotating files there
 * ({@link #logToFiles(Path)}: {@code DATA/logs/tongpos.log}, INFO and above of TongPOS, WARN of the libraries), so
 * that a till started from its desktop icon keeps a log. Every line, on standard error and in the files, goes through
 * {@link SecretMasking}. {@code --version} and help never reach any of this.
 *
 * <p>A configuration file still wins: {@code -Dlogback.configurationFile=FILE}, or a {@code logback.xml} (or
 * {@code logback-test.xml}) put on the class path, is read by Logback's own configurator as before.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class TerminalLogging extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";
    static final String FILE_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n";
    /** The current log file in {@link #logFolder}; rolled files are {@code tongpos.DATE.N.log.gz} beside it. */
    public static final String LOG_FILE = "tongpos.log";
    /** A file rolls over at this size, and at midnight. */
    static final String MAX_FILE_SIZE = "10MB";
    /** Days of rolled files kept. */
    static final int MAX_DAYS = 30;
    /** All rolled files together never exceed this: the oldest go first. */
    static final String TOTAL_SIZE_CAP = "100MB";
    private static final String SHELL = "org.tongpos.app.shell";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (configurationFileGiven()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(maskingEncoder(context, PATTERN));
        Level shellLevel = Level.toLevel(System.getProperty("tongpos.log.shell"), Level.INFO);
        stderr.addFilter(new StandardErrorFilter(shellLevel));
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        context.getLogger("org.h2").setLevel(Level.WARN);
        context.getLogger(SHELL).setLevel(shellLevel);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The log files' folder inside a data directory. */
    public static Path logFolder(Path dataDirectory) {
        return dataDirectory.resolve("logs");
    }

    /**
     * Adds rotating log files in {@code DATA/logs} to the logging set up above (the window and the commands call it
     * once they own their data directory). {@code tongpos.log} rolls over each day and at 10 MB into
     * {@code tongpos.DATE.N.log.gz}; 30 days and 100 MB of rolled files in all are kept, so the folder never grows
     * without bound. Standard error keeps what it showed before (warnings). Does nothing when Logback is not the
     * logging in use or a configuration file set it up; a second call for the same folder does nothing.
     */
    public static void logToFiles(Path dataDirectory) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context && !configurationFileGiven()) {
            logToFiles(context, dataDirectory);
        }
    }

    static synchronized void logToFiles(LoggerContext context, Path dataDirectory) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Path folder = logFolder(dataDirectory).toAbsolutePath();
        if (alreadyLogsTo(root, folder)) {
            return;
        }
        RollingFileAppender<ILoggingEvent> file = rollingFile(context, folder);
        if (file == null) {
            return; // e.g. a read-only data directory: standard error still has the warnings
        }
        root.addAppender(file);
        infoOfTongPos(context);
    }

    /**
     * As {@link #logToFiles(Path)}, for the window's start: the rotating file appender (a fifth of a second of a cold
     * JVM) is made on a thread of its own while the database opens, and every line logged meanwhile is kept and written
     * to the file first ({@link HandOverAppender}), so the file misses nothing.
     */
    public static void logToFilesSoon(Path dataDirectory) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context && !configurationFileGiven()) {
            logToFilesSoon(context, dataDirectory).ifPresent(Thread::start);
        }
    }

    /** The thread that will make and hand over the file appender; empty when the files are already written. */
    static synchronized java.util.Optional<Thread> logToFilesSoon(LoggerContext context, Path dataDirectory) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Path folder = logFolder(dataDirectory).toAbsolutePath();
        if (alreadyLogsTo(root, folder)) {
            return java.util.Optional.empty();
        }
        HandOverAppender pending = new HandOverAppender(folder.resolve(LOG_FILE));
        pending.setContext(context);
        pending.setName("FILE");
        pending.start();
        root.addAppender(pending);
        infoOfTongPos(context);
        Thread maker = new Thread(() -> pending.handOver(rollingFile(context, folder)), "tongpos-log-files");
        maker.setDaemon(true);
        return java.util.Optional.of(maker);
    }

    /** True when the root logger already writes this folder's file; otherwise detaches (and stops) another one. */
    private static boolean alreadyLogsTo(Logger root, Path folder) {
        Appender<ILoggingEvent> existing = root.getAppender("FILE");
        Path wanted = folder.resolve(LOG_FILE);
        if (existing instanceof RollingFileAppender<ILoggingEvent> file && Path.of(file.getFile()).equals(wanted)
                || existing instanceof HandOverAppender pending && pending.file().equals(wanted)) {
            return true;
        }
        if (existing != null) {
            root.detachAppender(existing);
            existing.stop();
        }
        return false;
    }

    private static void infoOfTongPos(LoggerContext context) {
        if (!context.getLogger("org.tongpos").isInfoEnabled()) {
            context.getLogger("org.tongpos").setLevel(Level.INFO);
        }
    }

    /** The started rotating file appender for {@code folder}, or null when it cannot write there. */
    private static RollingFileAppender<ILoggingEvent> rollingFile(LoggerContext context, Path folder) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(folder.resolve(LOG_FILE).toString());
        file.setEncoder(maskingEncoder(context, FILE_PATTERN));
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(file);
        policy.setFileNamePattern(folder.resolve("tongpos.%d{yyyy-MM-dd}.%i.log.gz").toString());
        policy.setMaxFileSize(FileSize.valueOf(MAX_FILE_SIZE));
        policy.setMaxHistory(MAX_DAYS);
        policy.setTotalSizeCap(FileSize.valueOf(TOTAL_SIZE_CAP));
        policy.setCleanHistoryOnStart(true);
        file.setRollingPolicy(policy);
        policy.start();
        file.start();
        return file.isStarted() ? file : null;
    }

    /** Stops logging to files (a restore replaces the data directory's contents; tests). */
    public static void stopLoggingToFiles() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Appender<ILoggingEvent> file = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("FILE");
            if (file != null) {
                context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(file);
                file.stop();
            }
        }
    }

    private static LayoutWrappingEncoder<ILoggingEvent> maskingEncoder(LoggerContext context, String pattern) {
        PatternLayout layout = new MaskingLayout();
        layout.setContext(context);
        layout.setPattern(pattern);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }

    private static boolean configurationFileGiven() {
        ClassLoader loader = TerminalLogging.class.getClassLoader();
        return System.getProperty("logback.configurationFile") != null || loader.getResource("logback-test.xml") != null
                || loader.getResource("logback.xml") != null;
    }

    /** A pattern layout whose every line passes through {@link SecretMasking#mask}. */
    static final class MaskingLayout extends PatternLayout {
        @Override
        public String doLayout(ILoggingEvent event) {
            return SecretMasking.mask(super.doLayout(event));
        }
    }

    /**
     * Standard error shows what it showed before the files existed: warnings and errors, and the window's start at
     * its own level; the files may take INFO of TongPOS besides.
     */
    static final class StandardErrorFilter extends Filter<ILoggingEvent> {
        private final Level shellLevel;

        StandardErrorFilter(Level shellLevel) {
            this.shellLevel = shellLevel;
        }

        @Override
        public FilterReply decide(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
                return FilterReply.NEUTRAL;
            }
            String name = event.getLoggerName();
            boolean shell = name.equals(SHELL) || name.startsWith(SHELL + ".");
            return shell && event.getLevel().isGreaterOrEqual(shellLevel) ? FilterReply.NEUTRAL : FilterReply.DENY;
        }
    }
}
