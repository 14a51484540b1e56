package org.tongpos.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

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
}
