package org.tongpos.app.returns.domain;

import java.util.List;
import org.tongpos.sync.journal.EntryTender;

/** A return on disk: its REFUND journal entry's seq and txn id, and the tenders refunded. */
public record CompletedReturn(long seq, String txnId, String originalTxnId, String receiptNo, long amountFen,
                              List<EntryTender> tenders) {

    public CompletedReturn {
        tenders = List.copyOf(tenders);
    }
}
