package org.tongpos.app.checkout.domain;

import org.tongpos.app.catalog.domain.Product;

/** What a scanned or typed code means for the cart. */
public sealed interface ScanOutcome {

    /** The code names goods: this line goes into the cart. */
    record Goods(CartLine line) implements ScanOutcome {
    }

    /** A weighed product named by its PLU: it needs a weight before it can become a line. */
    record NeedsWeight(Product product) implements ScanOutcome {
    }

    /** A well-formed code that no product carries. */
    record Unknown(String code) implements ScanOutcome {
    }

    /** Not a barcode or PLU at all, or a barcode whose check digit is wrong. */
    record Malformed(String code) implements ScanOutcome {
    }
}
