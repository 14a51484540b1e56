package org.tongpos.hardware.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The EMV reading steps against scripted card answers (the PC/SC test covers the real stack end to end). */
class EmvCardNumberReaderTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final List<String> commands = new ArrayList<>();

    private ApduChannel script(String... pairs) {
        return command -> {
            String c = HEX.formatHex(command);
            commands.add(c);
            for (int i = 0; i < pairs.length; i += 2) {
                if (c.startsWith(pairs[i].replace(" ", ""))) {
                    return HEX.parseHex(pairs[i + 1].replace(" ", ""));
                }
            }
            return HEX.parseHex("6A82");
        };
    }

    @Test
    void contactCardThroughPseDirectoryRecordsAndFormatOneGpo() throws Exception {
        ApduChannel card = script(
                "00A404000E315041592E5359532E4444463031", "6F 15 84 0E 31 50 41 59 2E 53 59 53 2E 44 44 46 30 31 A5 03 88 01 01 9000",
                "00B2010C", "70 0E 61 0C 4F 07 A0 00 00 00 03 10 10 87 01 01 9000",
                "00B2020C", "6A83",
                "00A4040007A0000000031010", "6F 0B 84 07 A0 00 00 00 03 10 10 A5 00 9000",
                "80A80000", "80 06 1C 00 10 01 01 00 9000",
                "00B20114", "70 0C 5A 08 41 11 11 11 11 11 11 11 5F 24 01 26 9000");

        MaskedCardNumber number = new EmvCardNumberReader(card).read().orElseThrow();

        assertThat(number).hasToString("4111 **** **** 1111");
        assertThat(commands).contains("80A8000002830000");
    }

    @Test
    void cardWithoutPaymentApplicationHasNoNumber() throws Exception {
        assertThat(new EmvCardNumberReader(script()).read()).isEmpty();
    }

    @Test
    void failingRecordReadNamesTheStepAndStatusWord() {
        ApduChannel card = script(
                "00A404000E325041592E5359532E4444463031", "6F 10 A5 0E BF 0C 0B 61 09 4F 07 A0 00 00 00 03 10 10 9000",
                "00A4040007A0000000031010", "6F 02 A5 00 9000",
                "80A80000", "77 06 94 04 08 01 01 00 9000",
                "00B2010C", "6985");
        assertThatThrownBy(() -> new EmvCardNumberReader(card).read())
                .isInstanceOf(CardAccessException.class)
                .hasMessage("READ RECORD 1 of SFI 1 answered 6985");
    }

    @Test
    void panComesFromTrackTwoWhenTag5AIsMissing() {
        assertThat(EmvCardNumberReader.panIn(HEX.parseHex("70075705622202123D"))).isEmpty();
        assertThat(EmvCardNumberReader.panIn(HEX.parseHex("700C570A6222021234567890123D")))
                .contains("6222021234567890123");
    }
}
