package org.tongpos.app.devices.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.ui.Notice;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceReason.Code;

class DeviceNoticesTest {

    private final Messages chinese = Messages.of(Messages.CHINESE);
    private final Messages english = Messages.of(Locale.ROOT);

    @Test
    void aNoticeFramesAReasonWithoutArgumentsAndShowsOneWithArgumentsByItself() {
        Notice paperOut = DeviceNotices.error("devices.test.printFailed", DeviceReason.of(Code.PAPER_OUT));
        assertThat(paperOut.text(chinese)).isEqualTo("测试页未打印：缺纸");
        assertThat(paperOut.text(english)).isEqualTo("Test page not printed: paper out");

        Notice refused = DeviceNotices.error("devices.test.printFailed",
                DeviceReason.of(Code.CONNECTION_REFUSED, "tcp://10.0.0.9:9100"));
        assertThat(refused.text(chinese)).isEqualTo("无法连接 tcp://10.0.0.9:9100：连接被拒绝");

        Notice odd = DeviceNotices.error("devices.test.failed", DeviceReason.other("weird"));
        assertThat(odd.text(chinese)).isEqualTo("失败：weird");
    }
}
