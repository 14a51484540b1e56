package org.tongpos.sync.sandbox;

/**
 * The bank's fee on non-cash tenders: a rate in parts per million of the amount, rounded half up to the
 * fen on the absolute amount; a refund row's fee is the negative of the fee on its absolute amount, so
 * {@code net_fen = amount_fen - fee_fen} holds on every row and a full refund cancels its sale exactly.
 * E.g. at 3,800 ppm (0.38 %): 1,250 fen → 4.75 → 5 fen; 131 fen → 0.4978 → 0 fen; -1,250 fen → -5 fen.
 */
record FeePolicy(long ratePpm) {

    static final long DEFAULT_RATE_PPM = 3_800;
    private static final long MILLION = 1_000_000;

    FeePolicy {
        if (ratePpm < 0 || ratePpm > MILLION) {
            throw new IllegalArgumentException("fee rate must be 0..1,000,000 ppm: " + ratePpm);
        }
    }

    long feeFor(long signedAmountFen) {
        long magnitude = Math.abs(signedAmountFen);
        long fee = Math.addExact(Math.multiplyExact(magnitude, ratePpm), MILLION / 2) / MILLION;
        return signedAmountFen < 0 ? -fee : fee;
    }
}
