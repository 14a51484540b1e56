package org.tongpos.sync.reconcile;

/** The statement's {@code #TOTAL,{rows},{amount_fen},{fee_fen},{net_fen}} line, checked against the rows. */
public record StatementTrailer(long rows, long amountFen, long feeFen, long netFen) {
}
