package org.tongpos.hardware.printer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceReason.Code;

/** The DLE EOT answers become the reason the cashier is told, by code, paper first. */
class PrinterStatusTest {

    private static final int FIXED = 0x12;

    @Test
    void eachProblemTheAnswersReportHasItsCode() {
        assertThat(PrinterStatus.fromAnswers(FIXED, FIXED, FIXED | 0x60).problem()).contains(reason(Code.PAPER_OUT));
        assertThat(PrinterStatus.fromAnswers(FIXED, FIXED | 0x20, FIXED).problem()).contains(reason(Code.PAPER_OUT));
        assertThat(PrinterStatus.fromAnswers(FIXED | 0x08, FIXED | 0x04, FIXED).problem())
                .contains(reason(Code.COVER_OPEN));
        assertThat(PrinterStatus.fromAnswers(FIXED | 0x08, FIXED | 0x40, FIXED).problem())
                .contains(reason(Code.PRINTER_FAULT));
        assertThat(PrinterStatus.fromAnswers(FIXED | 0x08, FIXED, FIXED).problem())
                .contains(reason(Code.PRINTER_OFFLINE));
    }

    @Test
    void paperOutComesBeforeTheOpenCoverItCausesAndNearEndIsNoProblem() {
        assertThat(PrinterStatus.fromAnswers(FIXED | 0x08, FIXED | 0x04 | 0x20, FIXED | 0x60).problem())
                .contains(reason(Code.PAPER_OUT));
        PrinterStatus nearEnd = PrinterStatus.fromAnswers(FIXED, FIXED, FIXED | 0x0C);
        assertThat(nearEnd.paperNearEnd()).isTrue();
        assertThat(nearEnd.problem()).isEmpty();
        assertThat(PrinterStatus.noAnswer().problem()).isEmpty();
    }

    private static DeviceReason reason(Code code) {
        return DeviceReason.of(code);
    }
}
