package org.tongpos.hardware.card;

import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.TerminalFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.hardware.device.Backoff;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceReason.Code;
import org.tongpos.hardware.device.ReportingDevice;

/**
 * A PC/SC card reader through {@code javax.smartcardio}, watched by a polling thread.
 *
 * <p>The terminal factory comes from {@code TerminalFactory.getInstance("PC/SC", null)}, not {@code getDefault()}
 * (which stays "None" for the JVM's life if pcscd was absent the first time), and is made again, together with a
 * fresh PC/SC context, after the daemon went away — so a reader unplugged and plugged back, or a pcscd restart,
 * heals by itself.
 */
public final class PcscCardReader extends ReportingDevice implements CardReader {

    private static final Logger LOG = LoggerFactory.getLogger(PcscCardReader.class);
    static final String NOT_AVAILABLE = "PC/SC is not available in this Java runtime";

    private final Optional<String> readerName;
    private final Duration pollInterval;
    private final Backoff backoff;
    private final List<CardListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread thread;

    private TerminalFactory factory;
    private String presentOn;

    /** @param readerName a reader name or part of it; empty takes the first reader */
    public PcscCardReader(Optional<String> readerName, Clock clock, Duration pollInterval, Backoff backoff) {
        super("card reader " + readerName.orElse("(first)"), clock);
        this.readerName = readerName;
        this.pollInterval = pollInterval;
        this.backoff = backoff;
    }

    @Override
    public void addCardListener(CardListener listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized void start() {
        if (running.getAndSet(true)) {
            return;
        }
        thread = new Thread(this::loop, "card-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        int failures = 0;
        while (running.get()) {
            Duration wait = pollInterval;
            try {
                poll();
                failures = 0;
            } catch (CardException | RuntimeException e) {
                failures++;
                String failure = describe(e);
                LOG.debug("PC/SC poll failed", e);
                cardGone();
                factory = null;
                reporter.error(PcscContext.isDeadContext(failure) && !PcscContext.reset()
                        ? DeviceReason.of(Code.PCSC_SERVICE_RESTARTED) : PcscReasons.ofFailure(failure));
                wait = backoff.delayAfter(failures);
            }
            sleep(wait);
        }
    }

    private void poll() throws CardException {
        if (factory == null) {
            try {
                factory = TerminalFactory.getInstance("PC/SC", null);
            } catch (NoSuchAlgorithmException e) {
                throw new CardException(NOT_AVAILABLE, e);
            }
        }
        CardTerminal terminal = choose(listReaders());
        if (terminal == null) {
            cardGone();
            reporter.disconnected(PcscReasons.noReader(readerName));
            return;
        }
        reporter.connected();
        boolean present = terminal.isCardPresent();
        if (present && presentOn == null) {
            presentOn = terminal.getName();
            publish(read(terminal));
        } else if (!present && presentOn != null) {
            cardGone();
        }
    }

    /** The readers pcscd knows; none at all is an answer (the JDK throws it as an error), not a failure. */
    private List<CardTerminal> listReaders() throws CardException {
        try {
            return factory.terminals().list();
        } catch (CardException e) {
            if (describe(e).contains("SCARD_E_NO_READERS_AVAILABLE")) {
                return List.of();
            }
            throw e;
        }
    }

    private CardTerminal choose(List<CardTerminal> terminals) {
        for (CardTerminal terminal : terminals) {
            if (readerName.isEmpty() || terminal.getName().contains(readerName.get())) {
                return terminal;
            }
        }
        return null;
    }

    private CardEvent read(CardTerminal terminal) {
        Card card;
        try {
            card = terminal.connect("*");
        } catch (CardException e) {
            return new CardEvent.Unreadable(terminal.getName(), "cannot connect to the card: " + describe(e));
        }
        try {
            CardChannel channel = card.getBasicChannel();
            String atr = Hex.of(card.getATR().getBytes());
            return CardIdentifier.identify(terminal.getName(), atr, command -> {
                try {
                    return channel.transmit(new CommandAPDU(command)).getBytes();
                } catch (CardException | IllegalArgumentException e) {
                    throw new CardAccessException("card stopped answering: " + describe(e), e);
                }
            });
        } finally {
            try {
                card.disconnect(false);
            } catch (CardException e) {
                LOG.debug("disconnect failed", e);
            }
        }
    }

    private void cardGone() {
        if (presentOn != null) {
            String reader = presentOn;
            presentOn = null;
            publish(new CardEvent.Removed(reader));
        }
    }

    private void publish(CardEvent event) {
        LOG.info("card event: {}", event);
        for (CardListener listener : listeners) {
            try {
                listener.cardEvent(event);
            } catch (RuntimeException e) {
                LOG.error("card listener failed", e);
            }
        }
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                sb.append(": ").append(cause.getMessage());
            }
        }
        return sb.toString();
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    @Override
    public void close() {
        running.set(false);
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reporter.disconnected(DeviceReason.of(Code.CLOSED));
    }
}
