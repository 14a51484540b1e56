package org.tongpos.app.catalog.domain;

/** A decoded in-store scale barcode: which item, and its price (fen) or weight (grams). */
public record ScaleBarcode(String code, String itemCode, ScaleBarcodeLayout.ValueKind kind, long value) {
}
