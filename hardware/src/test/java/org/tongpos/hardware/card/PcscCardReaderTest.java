package org.tongpos.hardware.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.hardware.device.Backoff;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceState;
import org.tongpos.hardware.device.DeviceStatus;
import org.tongpos.hardware.testsupport.PcscDaemon;
import org.tongpos.hardware.testsupport.UidCard;

/** Against the real PC/SC daemon with the vpcd virtual reader and cards written in Java. */
@Timeout(60)
class PcscCardReaderTest {

    @TempDir
    static Path logDir;
    private static PcscDaemon daemon;

    private PcscCardReader reader;
    private final BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<DeviceStatus> statuses = new LinkedBlockingQueue<>();

    @BeforeAll
    static void startDaemon() throws Exception {
        daemon = PcscDaemon.startOrReuse(logDir);
    }

    @AfterAll
    static void stopDaemon() throws Exception {
        if (daemon != null) {
            daemon.close();
        }
    }

    @BeforeEach
    void startReader() {
        reader = new PcscCardReader(Optional.of(PcscDaemon.READER), Clock.systemUTC(), Duration.ofMillis(100),
                new Backoff(Duration.ofMillis(100), Duration.ofMillis(500)));
        reader.addCardListener(events::add);
        reader.addStatusListener(statuses::add);
        reader.start();
    }

    @AfterEach
    void stopReader() {
        reader.close();
    }

    private CardEvent nextEvent() throws InterruptedException {
        CardEvent event = events.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("a card event within 10 s").isNotNull();
        return event;
    }

    private void awaitState(DeviceState state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (reader.status().state() != state && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(reader.status().state()).as("reader status %s", reader.status()).isEqualTo(state);
    }

    @Test
    void mealCardUidIsReadOnInsertionAndRemovalIsReported() throws Exception {
        awaitState(DeviceState.CONNECTED);
        try (UidCard card = new UidCard("04A1B2C3D4E580")) {
            card.insert(daemon.cardPort());
            CardEvent inserted = nextEvent();
            assertThat(inserted).isInstanceOfSatisfying(CardEvent.Inserted.class, e -> {
                assertThat(e.card().kind()).isEqualTo(CardKind.UID_CARD);
                assertThat(e.card().uid()).contains("04A1B2C3D4E580");
                assertThat(e.card().reader()).contains("Virtual PCD");
            });
            card.remove();
            assertThat(nextEvent()).isInstanceOf(CardEvent.Removed.class);
        }
    }

    @Test
    void bankCardNumberIsReadThroughThePaymentEnvironmentAndOnlyShownMasked() throws Exception {
        awaitState(DeviceState.CONNECTED);
        try (VirtualCards.BankCard card = new VirtualCards.BankCard()) {
            card.insert(daemon.cardPort());
            CardEvent inserted = nextEvent();
            assertThat(inserted).isInstanceOfSatisfying(CardEvent.Inserted.class, e -> {
                assertThat(e.card().kind()).isEqualTo(CardKind.BANK_CARD);
                assertThat(e.card().cardNumber().orElseThrow()).hasToString("6222 **** **** 1234");
                assertThat(e.card().cardNumber().orElseThrow().lastFour()).isEqualTo("1234");
                assertThat(e.card().toString()).doesNotContain(VirtualCards.BankCard.PAN)
                        .doesNotContain("02123456789");
            });
            card.remove();
            assertThat(nextEvent()).isInstanceOf(CardEvent.Removed.class);
        }
    }

    @Test
    void cardAnsweringWithAnErrorStatusIsReportedUnreadable() throws Exception {
        awaitState(DeviceState.CONNECTED);
        try (VirtualCards.ErrorCard card = new VirtualCards.ErrorCard()) {
            card.insert(daemon.cardPort());
            CardEvent event = nextEvent();
            assertThat(event).isInstanceOfSatisfying(CardEvent.Unreadable.class,
                    e -> assertThat(e.reason()).contains("6F00"));
            card.remove();
            assertThat(nextEvent()).isInstanceOf(CardEvent.Removed.class);
        }
    }

    @Test
    void readerRecoversAfterAPcscdRestart() throws Exception {
        assumeTrue(daemon.ownsDaemon(), "SKIPPED: pcscd was already running (not started by this test), so it is not restarted");
        awaitState(DeviceState.CONNECTED);
        daemon.stop();
        awaitState(DeviceState.ERROR);
        daemon.start();
        awaitState(DeviceState.CONNECTED);
        try (UidCard card = new UidCard("11223344")) {
            card.insert(daemon.cardPort());
            assertThat(nextEvent()).isInstanceOfSatisfying(CardEvent.Inserted.class,
                    e -> assertThat(e.card().uid()).contains("11223344"));
            card.remove();
            assertThat(nextEvent()).isInstanceOf(CardEvent.Removed.class);
        }
    }

    @Test
    void aTillWithNoCardReaderAtAllIsDisconnectedRatherThanInError() throws Exception {
        assumeTrue(daemon.ownsDaemon(), "SKIPPED: pcscd was already running (not started by this test), so it is not restarted");
        awaitState(DeviceState.CONNECTED);
        daemon.stop();
        daemon.startWithoutReaders();
        try {
            awaitState(DeviceState.DISCONNECTED);
            assertThat(reader.status().reason()).isEqualTo("no card reader named " + PcscDaemon.READER);
            assertThat(reader.status().cause())
                    .isEqualTo(DeviceReason.of(DeviceReason.Code.CARD_READER_MISSING, PcscDaemon.READER));
        } finally {
            daemon.restart();
        }
        awaitState(DeviceState.CONNECTED);
    }

    @Test
    void missingReaderIsReportedByName() throws Exception {
        try (PcscCardReader other = new PcscCardReader(Optional.of("No Such Reader"), Clock.systemUTC(),
                Duration.ofMillis(100), Backoff.DEFAULT)) {
            other.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!other.status().reason().contains("No Such Reader") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(other.status().state()).as("reader status %s", other.status()).isEqualTo(DeviceState.DISCONNECTED);
            assertThat(other.status().reason()).isEqualTo("no card reader named No Such Reader");
            assertThat(other.status().cause())
                    .isEqualTo(DeviceReason.of(DeviceReason.Code.CARD_READER_MISSING, "No Such Reader"));
        }
    }
}
