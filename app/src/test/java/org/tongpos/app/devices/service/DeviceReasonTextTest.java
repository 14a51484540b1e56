package org.tongpos.app.devices.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tongpos.app.i18n.Messages;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceReason.Code;

/** Device reasons in the user's language: Chinese first, English complete, English words for what has no code. */
class DeviceReasonTextTest {

    private final Messages chinese = Messages.of(Messages.CHINESE);
    private final Messages english = Messages.of(Locale.ROOT);

    @Test
    void printerFaultsAreSaidInChineseAndInEnglish() {
        assertThat(DeviceReasonText.text(DeviceReason.of(Code.PAPER_OUT), chinese)).isEqualTo("缺纸");
        assertThat(DeviceReasonText.text(DeviceReason.of(Code.PAPER_OUT), english)).isEqualTo("paper out");
        assertThat(DeviceReasonText.text(DeviceReason.of(Code.PAPER_NEAR_END), chinese)).isEqualTo("纸快用完了");
        assertThat(DeviceReasonText.text(DeviceReason.of(Code.COVER_OPEN), chinese)).isEqualTo("纸仓盖未关");
        assertThat(DeviceReasonText.text(DeviceReason.of(Code.PRINTER_OFFLINE), chinese)).isEqualTo("打印机离线");
        assertThat(DeviceReasonText.text(DeviceReason.of(Code.CLOSED), chinese)).isEqualTo("已关闭");
    }

    @Test
    void argumentsSuchAsTheAddressAreKeptInBothLanguages() {
        DeviceReason refused = DeviceReason.of(Code.CONNECTION_REFUSED, "tcp://192.168.1.50:9100");
        assertThat(DeviceReasonText.text(refused, chinese)).isEqualTo("无法连接 tcp://192.168.1.50:9100：连接被拒绝");
        assertThat(DeviceReasonText.text(refused, english))
                .isEqualTo("cannot connect to tcp://192.168.1.50:9100: connection refused");

        DeviceReason timeout = DeviceReason.of(Code.CONNECT_TIMEOUT, "tcp://192.168.1.50:9100", 3000L);
        assertThat(DeviceReasonText.text(timeout, chinese)).isEqualTo("tcp://192.168.1.50:9100 在 3000 毫秒内没有应答");

        assertThat(DeviceReasonText.text(DeviceReason.of(Code.SERIAL_PORT_MISSING, "/dev/ttyUSB0"), chinese))
                .isEqualTo("串口 /dev/ttyUSB0 不存在（没有插好？）");
        assertThat(DeviceReasonText.text(DeviceReason.of(Code.SERIAL_PORT_CANNOT_OPEN, "COM3", 5), chinese))
                .isEqualTo("无法打开串口 COM3（错误 5）：是否被其他程序占用？");
        assertThat(DeviceReasonText.text(DeviceReason.of(Code.FACE_SILENT, 30L), chinese))
                .isEqualTo("已有 30 秒没有终端连接");
        assertThat(DeviceReasonText.text(DeviceReason.of(Code.FACE_SILENT, 30L), english))
                .isEqualTo("no terminal has called in for 30 s");
    }

    @Test
    void scaleCardReaderAndFaceTerminalReasonsAreSaidInChinese() {
        assertThat(DeviceReasonText.text(DeviceReason.of(Code.SCALE_NO_READING), chinese)).isEqualTo("秤还没有读数");
        assertThat(DeviceReasonText.text(DeviceReason.of(Code.SCALE_UNSTABLE), chinese)).isEqualTo("重量还不稳定");
        assertThat(DeviceReasonText.text(DeviceReason.of(Code.SCALE_NEGATIVE), chinese)).isEqualTo("重量低于零：请将秤归零");
        assertThat(DeviceReasonText.text(DeviceReason.of(Code.SCALE_OVERLOAD), chinese)).isEqualTo("超出秤的量程");
        assertThat(DeviceReasonText.text(DeviceReason.of(Code.CARD_READER_NONE), chinese)).isEqualTo("没有连接读卡器");
        assertThat(DeviceReasonText.text(DeviceReason.of(Code.CARD_READER_MISSING, "ACR122U"), chinese))
                .isEqualTo("没有名为 ACR122U 的读卡器");
        assertThat(DeviceReasonText.text(DeviceReason.of(Code.PCSC_SERVICE_STOPPED), chinese))
                .isEqualTo("智能卡服务（pcscd）没有运行");
        assertThat(DeviceReasonText.text(DeviceReason.of(Code.FACE_AUTH_REFUSED), chinese)).isEqualTo("终端拒绝了用户名或密码");
        assertThat(DeviceReasonText.text(DeviceReason.of(Code.FACE_UNREACHABLE, "192.168.1.64:80"), chinese))
                .isEqualTo("无法连接终端 192.168.1.64:80（连接被拒绝）");
    }

    @Test
    void everyCodeHasItsWordsInBothLanguagesWithEveryArgumentUsed() {
        for (Code code : Code.values()) {
            if (code == Code.NONE || code == Code.OTHER) {
                assertThat(DeviceReasonText.key(code)).as(code.name()).isEmpty();
                continue;
            }
            int placeholders = placeholders(code.english());
            Object[] args = new Object[placeholders];
            for (int i = 0; i < placeholders; i++) {
                args[i] = "ARG" + i;
            }
            DeviceReason reason = DeviceReason.of(code, args);
            for (Messages messages : new Messages[] {chinese, english}) {
                String text = DeviceReasonText.text(reason, messages);
                assertThat(text).as(code + " in " + messages.locale()).isNotBlank().doesNotContain("{");
                for (Object arg : args) {
                    assertThat(text).as(code + " in " + messages.locale() + " shows " + arg).contains((String) arg);
                }
            }
            assertThat(DeviceReasonText.text(reason, chinese)).as(code + " is translated")
                    .isNotEqualTo(DeviceReasonText.text(reason, english));
        }
    }

    @Test
    void aReasonWithoutACodeFallsBackToItsEnglishWordsAndNoReasonIsEmpty() {
        DeviceReason odd = DeviceReason.other("SCARD_E_SHARING_VIOLATION");

        assertThat(DeviceReasonText.text(odd, chinese)).isEqualTo("SCARD_E_SHARING_VIOLATION");
        assertThat(DeviceReasonText.text(DeviceReason.NONE, chinese)).isEmpty();
    }

    private static int placeholders(String pattern) {
        int count = 0;
        while (pattern.contains("{" + count + "}")) {
            count++;
        }
        return count;
    }
}
