package org.tongpos.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalLoggingTest {

    @Test
    void logbackFindsTheTerminalsConfigurationAsAService() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(TerminalLogging.class);
    }

    @Test
    void warningsGoToStandardErrorAndTheWindowReportsItsStart() {
        LoggerContext context = new LoggerContext();
        TerminalLogging logging = new TerminalLogging();
        logging.setContext(context);

        assertThat(logging.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        ConsoleAppender<?> stderr = (ConsoleAppender<?>) root.getAppender("STDERR");
        assertThat(stderr.getTarget()).isEqualTo("System.err");
        assertThat(stderr.isStarted()).isTrue();
        assertThat(context.getLogger("org.tongpos.app.shell.GuiLauncher").getEffectiveLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.h2.engine").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.tongpos.app.storage.Database").isInfoEnabled()).isFalse();
    }

    @Test
    void aConfigurationFileGivenOnTheCommandLineWins() {
        String before = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", "quiet.xml");
        try {
            LoggerContext context = new LoggerContext();
            TerminalLogging logging = new TerminalLogging();
            logging.setContext(context);
            assertThat(logging.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
        } finally {
            if (before == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", before);
            }
        }
    }

    @Test
    void onceTheDataDirectoryIsOwnedTheLogAlsoGoesToBoundedRotatingFilesWithoutSecrets(@TempDir Path data)
            throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // what LogbackServiceProvider gives the real context
        TerminalLogging logging = new TerminalLogging();
        logging.setContext(context);
        PrintStream stderrBefore = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            logging.configure(context);
            context.start();

            TerminalLogging.logToFiles(context, data);
            TerminalLogging.logToFiles(context, data); // once only
            context.getLogger("org.tongpos.app.checkout").warn("printer paper out");
            context.getLogger("org.tongpos.app.storage").info("database open in {}", data);
            context.getLogger("org.tongpos.app.bank").warn("refused bank.key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
            context.getLogger("org.h2.engine").info("library chatter");
        } finally {
            System.setErr(stderrBefore);
        }

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        RollingFileAppender<?> file = (RollingFileAppender<?>) root.getAppender("FILE");
        assertThat(file.isStarted()).as(context.getStatusManager().getCopyOfStatusList().toString()).isTrue();
        SizeAndTimeBasedRollingPolicy<?> policy = (SizeAndTimeBasedRollingPolicy<?>) file.getRollingPolicy();
        assertThat(policy.getMaxHistory()).isEqualTo(30);
        assertThat(policy.getFileNamePattern()).endsWith("tongpos.%d{yyyy-MM-dd}.%i.log.gz");
        context.stop();

        String log = Files.readString(TerminalLogging.logFolder(data).resolve(TerminalLogging.LOG_FILE));
        assertThat(log).as(context.getStatusManager().getCopyOfStatusList().toString()).contains("WARN", "printer paper out", "INFO", "database open in")
                .contains("bank.key=********").doesNotContain("AAAAAAAAAAAAAAAAAAAA").doesNotContain("library chatter");
        String console = stderr.toString(StandardCharsets.UTF_8);
        assertThat(console).contains("printer paper out").contains("bank.key=********")
                .doesNotContain("database open in").doesNotContain("AAAAAAAAAAAAAAAAAAAA");
    }
    @Test
    void theWindowsFileAppenderIsMadeOnAnotherThreadAndLosesOrDoublesNoLineLoggedMeanwhile(@TempDir Path data)
            throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        TerminalLogging logging = new TerminalLogging();
        logging.setContext(context);
        PrintStream stderrBefore = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            logging.configure(context);
            context.start();
            Thread maker = TerminalLogging.logToFilesSoon(context, data).orElseThrow();
            assertThat(TerminalLogging.logToFilesSoon(context, data)).isEmpty(); // once only
            org.slf4j.Logger log = context.getLogger("org.tongpos.app.storage");
            log.info("line 0 before the file exists");
            Thread writer = new Thread(() -> {
                for (int i = 1; i <= 3000; i++) {
                    log.info("line {}", i);
                }
            });
            writer.start();
            maker.start();
            maker.join();
            writer.join();
            log.info("line 3001 after");
            assertThat(((HandOverAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("FILE")).writing())
                    .isTrue();
        } finally {
            System.setErr(stderrBefore);
        }
        context.stop();

        List<String> lines = Files.readAllLines(TerminalLogging.logFolder(data).resolve(TerminalLogging.LOG_FILE));
        List<Integer> numbers = lines.stream().map(l -> l.replaceAll(".* - line (\\d+).*", "$1"))
                .map(Integer::parseInt).toList();
        assertThat(numbers).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(0, 3001).boxed().toList());
    }
}
