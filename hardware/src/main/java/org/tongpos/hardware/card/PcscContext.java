package org.tongpos.hardware.card;

import java.lang.reflect.Field;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works around the JDK's one PC/SC context per JVM: {@code sun.security.smartcardio.PCSCTerminals} keeps the
 * context from its first {@code SCardEstablishContext} in a static field, so after pcscd restarts (or was not yet
 * up) every call answers {@code SCARD_E_NO_SERVICE} forever, even through a new {@code TerminalFactory} — measured
 * on JDK 17 with pcsc-lite 1.9.9. Clearing that field (and the terminal cache that holds the old context) makes the
 * next factory establish a fresh context. This needs
 * {@code --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED}; without it the reader reports that the
 * terminal must be restarted.
 */
final class PcscContext {

    private static final Logger LOG = LoggerFactory.getLogger(PcscContext.class);

    static final String ADD_OPENS = "--add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED";

    private PcscContext() {
    }

    /** Whether the error means the context is dead (daemon gone or restarted). */
    static boolean isDeadContext(String message) {
        return message.contains("SCARD_E_NO_SERVICE") || message.contains("SCARD_E_SERVICE_STOPPED")
                || message.contains("SCARD_E_INVALID_HANDLE") || message.contains("SCARD_F_COMM_ERROR");
    }

    /** Drops the JDK's cached PC/SC context; false if the JVM does not allow it. */
    static boolean reset() {
        try {
            Class<?> terminals = Class.forName("sun.security.smartcardio.PCSCTerminals");
            Field context = terminals.getDeclaredField("contextId");
            Field cache = terminals.getDeclaredField("terminals");
            context.setAccessible(true);
            cache.setAccessible(true);
            synchronized (terminals) {
                context.setLong(null, 0L);
                ((Map<?, ?>) cache.get(null)).clear();
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("cannot renew the PC/SC context ({}); start Java with {}", e.getMessage(), ADD_OPENS);
            return false;
        }
    }
}
