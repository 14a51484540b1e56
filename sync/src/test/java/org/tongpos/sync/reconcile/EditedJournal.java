package org.tongpos.sync.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.tongpos.sync.batch.JournalSource;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;

/** A view of a journal with entries hidden or a tender amount changed: differences planted locally. */
final class EditedJournal implements JournalSource {

    private final JournalSource base;
    private final Set<String> hidden;
    private final Map<String, Long> firstNonCashAmount;

    EditedJournal(JournalSource base, Set<String> hidden, Map<String, Long> firstNonCashAmount) {
        this.base = base;
        this.hidden = hidden;
        this.firstNonCashAmount = firstNonCashAmount;
    }

    @Override
    public long lastSeq() {
        return base.lastSeq();
    }

    @Override
    public List<JournalEntry> entries(long fromSeq, int max) {
        return base.entries(fromSeq, max);
    }

    @Override
    public void forEachOfBusinessDate(String businessDate, Consumer<JournalEntry> action) {
        base.forEachOfBusinessDate(businessDate, entry -> {
            if (hidden.contains(entry.txnId())) {
                return;
            }
            Long amount = firstNonCashAmount.get(entry.txnId());
            if (amount == null) {
                action.accept(entry);
                return;
            }
            List<EntryTender> tenders = new ArrayList<>();
            boolean changed = false;
            for (EntryTender tender : entry.tenders()) {
                if (!changed && tender.method() != org.tongpos.sync.journal.TenderMethod.CASH) {
                    tenders.add(new EntryTender(tender.method(), amount, tender.reference()));
                    changed = true;
                } else {
                    tenders.add(tender);
                }
            }
            action.accept(new JournalEntry(entry.seq(), entry.txnId(), entry.kind(), entry.occurredAt(),
                    entry.businessDate(), entry.amountFen(), tenders, entry.originalTxnId(), entry.prevHash(),
                    entry.entryHash()));
        });
    }
}
