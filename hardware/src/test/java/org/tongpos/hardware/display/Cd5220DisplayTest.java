package org.tongpos.hardware.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.hardware.device.Backoff;
import org.tongpos.hardware.device.DeviceAddress;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceState;
import org.tongpos.hardware.link.ByteLinks;
import org.tongpos.hardware.link.LinkTimeouts;
import org.tongpos.hardware.testsupport.DeviceEnd;
import org.tongpos.hardware.testsupport.SocatPair;

@Timeout(30)
class Cd5220DisplayTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Duration QUIET = Duration.ofMillis(150);
    private static final Duration MAX = Duration.ofSeconds(3);

    /** What a CD5220 shows after the given bytes: the two lines, or the LED lamp and digits. */
    record Screen(String upper, String lower, int lamp) {
    }

    static Screen interpret(byte[] bytes, Charset charset) {
        String upper = "";
        String lower = "";
        int lamp = 0;
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b == 0x0C) {
                upper = "";
                lower = "";
                i++;
            } else if (b == 0x1B && bytes[i + 1] == '@') {
                i += 2;
            } else if (b == 0x1B && bytes[i + 1] == 's') {
                lamp = bytes[i + 2] - '0';
                i += 3;
            } else if (b == 0x1B && bytes[i + 1] == 'Q') {
                char line = (char) bytes[i + 2];
                int end = i + 3;
                while (bytes[end] != '\r') {
                    end++;
                }
                String text = new String(bytes, i + 3, end - i - 3, charset);
                if (line == 'A') {
                    upper = text;
                } else {
                    lower = text;
                }
                i = end + 1;
            } else {
                throw new AssertionError("unexpected byte " + b + " at " + i);
            }
        }
        return new Screen(upper, lower, lamp);
    }

    @Test
    void textDisplayShowsItemTotalAndChangeOnTwentyColumnLines(@TempDir Path dir) throws Exception {
        try (SocatPair pair = SocatPair.start(dir); DeviceEnd device = new DeviceEnd(pair.deviceEnd());
             Cd5220Display display = new Cd5220Display(
                     ByteLinks.forAddress(DeviceAddress.parse("serial:" + pair.driverEnd()), LinkTimeouts.DEFAULT),
                     DisplayMode.TWO_LINE_TEXT, GB18030, DisplayLabels.chinese(), Clock.systemUTC(), Backoff.DEFAULT)) {
            display.showItem("可口可乐 500ml", 350);
            byte[] first = device.readUntilQuiet(QUIET, MAX);
            assertThat(first).startsWith(0x1B, '@', 0x0C);
            Screen item = interpret(first, GB18030);
            assertThat(item.upper()).isEqualTo("可口可乐 500ml" + " ".repeat(6));
            assertThat(item.lower()).isEqualTo(" ".repeat(14) + "￥3.50");

            display.showTotal(123456);
            Screen total = interpret(device.readUntilQuiet(QUIET, MAX), GB18030);
            assertThat(total.upper().strip()).isEqualTo("合计");
            assertThat(total.lower()).endsWith("￥1234.56");

            display.showPayment(5000, 1550);
            Screen payment = interpret(device.readUntilQuiet(QUIET, MAX), GB18030);
            assertThat(payment.upper()).startsWith("实收").endsWith("50.00");
            assertThat(payment.lower()).startsWith("找零").endsWith("15.50");
            assertThat(display.status().state()).isEqualTo(DeviceState.CONNECTED);
        }
    }

    @Test
    void ledPriceDisplayLightsTheRightLamp(@TempDir Path dir) throws Exception {
        try (SocatPair pair = SocatPair.start(dir); DeviceEnd device = new DeviceEnd(pair.deviceEnd());
             Cd5220Display display = new Cd5220Display(
                     ByteLinks.forAddress(DeviceAddress.parse("serial:" + pair.driverEnd()), LinkTimeouts.DEFAULT),
                     DisplayMode.PRICE_LED, StandardCharsets.US_ASCII, DisplayLabels.english(), Clock.systemUTC(),
                     Backoff.DEFAULT)) {
            List<Screen> screens = new ArrayList<>();
            display.showItem("ignored", 350);
            screens.add(interpret(device.readUntilQuiet(QUIET, MAX), StandardCharsets.US_ASCII));
            display.showTotal(2448);
            screens.add(interpret(device.readUntilQuiet(QUIET, MAX), StandardCharsets.US_ASCII));
            display.showPayment(5000, 2552);
            screens.add(interpret(device.readUntilQuiet(QUIET, MAX), StandardCharsets.US_ASCII));

            assertThat(screens).containsExactly(new Screen("3.50", "", 1), new Screen("24.48", "", 2),
                    new Screen("25.52", "", 4));
        }
    }

    @Test
    void missingDisplayIsAnErrorAndNeverThrowsIntoTheSale(@TempDir Path dir) {
        Cd5220Display display = new Cd5220Display(
                ByteLinks.forAddress(DeviceAddress.parse("serial:" + dir.resolve("nothing-here")), LinkTimeouts.DEFAULT),
                DisplayMode.TWO_LINE_TEXT, StandardCharsets.US_ASCII, DisplayLabels.english(), Clock.systemUTC(),
                Backoff.DEFAULT);
        display.showTotal(100);
        assertThat(display.status().state()).isEqualTo(DeviceState.ERROR);
        assertThat(display.status().reason()).contains("nothing-here");
        assertThat(display.status().cause()).isEqualTo(
                DeviceReason.of(DeviceReason.Code.SERIAL_PORT_MISSING, dir.resolve("nothing-here").toString()));
        display.close();
    }

    @Test
    void linesAreCutAndPaddedByPrintedColumns() {
        assertThat(Cd5220Display.fit("一二三四五六七八九十十一")).isEqualTo("一二三四五六七八九十");
        assertThat(Cd5220Display.fit("a一二三四五六七八九十")).isEqualTo("a一二三四五六七八九 ");
    }

    @Test
    void displayThatComesBackIsReopenedAfterTheBackoffDelay(@TempDir Path dir) throws Exception {
        org.tongpos.testkit.MutableClock clock =
                new org.tongpos.testkit.MutableClock(java.time.Instant.parse("2024-05-01T00:00:00Z"));
        Path port = dir.resolve("A");
        try (Cd5220Display display = new Cd5220Display(
                ByteLinks.forAddress(DeviceAddress.parse("serial:" + port), LinkTimeouts.DEFAULT),
                DisplayMode.TWO_LINE_TEXT, StandardCharsets.US_ASCII, DisplayLabels.english(), clock,
                new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(60)))) {
            display.showTotal(100);
            assertThat(display.status().state()).isEqualTo(DeviceState.ERROR);

            try (SocatPair pair = SocatPair.start(dir); DeviceEnd device = new DeviceEnd(pair.deviceEnd())) {
                display.showTotal(200);
                assertThat(device.readUntilQuiet(Duration.ofMillis(200), Duration.ofMillis(300))).isEmpty();
                assertThat(display.status().state()).isEqualTo(DeviceState.ERROR);

                clock.advance(Duration.ofSeconds(6));
                display.showTotal(300);
                Screen screen = interpret(device.readUntilQuiet(QUIET, MAX), StandardCharsets.US_ASCII);
                assertThat(screen.lower()).endsWith("3.00");
                assertThat(display.status().state()).isEqualTo(DeviceState.CONNECTED);
            }
        }
    }
}
