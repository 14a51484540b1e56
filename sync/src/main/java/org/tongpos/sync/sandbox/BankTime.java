package org.tongpos.sync.sandbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.tongpos.sync.journal.ApiTimes;

/** Times the bank writes: always {@code +08:00}, seconds, no fraction. */
final class BankTime {

    static final ZoneOffset BANK_OFFSET = ZoneOffset.ofHours(8);

    private BankTime() {
    }

    static String now(Clock clock) {
        return ApiTimes.format(OffsetDateTime.ofInstant(clock.instant(), BANK_OFFSET));
    }
}
