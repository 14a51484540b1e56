package org.tongpos.app.bank.service;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.bank.store.PaymentRecords;
import org.tongpos.sync.payment.PaymentCodeService;
import org.tongpos.sync.payment.PaymentIntent;
import org.tongpos.sync.payment.PaymentState;

/**
 * Leaves no unknown payment behind after a restart (the contract's rule): every open intent is resolved with the
 * bank, and a payment the bank confirmed but no journaled sale used is reversed, so the customer gets the money back.
 * The till does not take payment codes yet, so no sale can be waiting for such a payment; once it does, this must
 * run before the till accepts its first code.
 */
public final class OpenIntentResolver {

    private static final Logger LOG = LoggerFactory.getLogger(OpenIntentResolver.class);

    /** What the check did: intents that were open, and confirmed payments reversed because no sale used them. */
    public record Outcome(List<PaymentIntent> resolved, List<PaymentIntent> reversedUnused) {
        public Outcome {
            resolved = List.copyOf(resolved);
            reversedUnused = List.copyOf(reversedUnused);
        }
    }

    private final PaymentCodeService payments;
    private final PaymentRecords records;

    public OpenIntentResolver(PaymentCodeService payments, PaymentRecords records) {
        this.payments = payments;
        this.records = records;
    }

    public Outcome resolve() {
        List<PaymentIntent> resolved = payments.recoverOpenIntents();
        for (PaymentIntent intent : resolved) {
            LOG.info("payment {} ({} fen) resolved on start: {}", intent.outTradeNo(), intent.amountFen(),
                    intent.state());
        }
        List<PaymentIntent> reversed = new ArrayList<>();
        for (PaymentIntent confirmed : payments.confirmedIntents()) {
            if (records.journaled(confirmed.tradeNo())) {
                continue;
            }
            LOG.warn("payment {} (trade {}) was confirmed by the bank but no sale used it: reversing it",
                    confirmed.outTradeNo(), confirmed.tradeNo());
            PaymentIntent after = payments.reverse(confirmed.outTradeNo());
            if (after.state() != PaymentState.REVERSED) {
                LOG.warn("payment {}: reversal not confirmed yet ({}); it is retried on the next start",
                        after.outTradeNo(), after.state());
            }
            reversed.add(after);
        }
        return new Outcome(resolved, reversed);
    }
}
