package org.tongpos.app.checkout.service;

import java.util.Optional;
import org.tongpos.app.catalog.domain.Gtin;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.domain.ScaleBarcode;
import org.tongpos.app.catalog.domain.ScaleBarcodeLayout;
import org.tongpos.app.catalog.service.CatalogService;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.checkout.domain.ScanOutcome;
import org.tongpos.app.money.domain.Money;

/** Turns a scanned or typed code into what it means for the cart: a GTIN, a scale barcode, a PLU or a store code. */
public final class ScanResolver {

    private static final int MAX_PLU_DIGITS = 7;

    private final CatalogService catalog;
    private final ScaleBarcodeLayout scaleLayout;

    public ScanResolver(CatalogService catalog, ScaleBarcodeLayout scaleLayout) {
        this.catalog = catalog;
        this.scaleLayout = scaleLayout;
    }

    public ScanOutcome resolve(String rawCode) {
        String code = rawCode == null ? "" : rawCode.strip();
        if (code.isEmpty() || code.length() > 32
                || !code.chars().allMatch(ch -> ch < 128 && Character.isLetterOrDigit(ch))) {
            return new ScanOutcome.Malformed(code);
        }
        boolean digits = code.chars().allMatch(ch -> ch >= '0' && ch <= '9');
        if (digits && isGtinLength(code)) {
            if (!Gtin.isValid(code)) {
                return new ScanOutcome.Malformed(code);
            }
            if (scaleLayout.matches(code)) {
                return resolveScaleCode(scaleLayout.decode(code));
            }
        }
        Optional<Product> product = catalog.byBarcode(code);
        if (product.isEmpty() && digits && code.length() <= MAX_PLU_DIGITS) {
            product = catalog.byPlu(code);
        }
        if (product.isEmpty()) {
            return new ScanOutcome.Unknown(code);
        }
        Product p = product.get();
        return p.isWeighed() ? new ScanOutcome.NeedsWeight(p) : new ScanOutcome.Goods(CartLine.pieces(p, 1));
    }

    private ScanOutcome resolveScaleCode(ScaleBarcode scale) {
        Optional<Product> product = catalog.byPlu(scale.itemCode());
        if (product.isEmpty()) {
            return new ScanOutcome.Unknown(scale.code());
        }
        Product p = product.get();
        if (scale.kind() == ScaleBarcodeLayout.ValueKind.PRICE) {
            return scale.value() > 0 ? new ScanOutcome.Goods(CartLine.scalePriced(p, Money.ofFen(scale.value())))
                    : new ScanOutcome.Malformed(scale.code());
        }
        if (!p.isWeighed() || scale.value() <= 0) {
            return new ScanOutcome.Malformed(scale.code());
        }
        return new ScanOutcome.Goods(CartLine.weighed(p, scale.value()));
    }

    private static boolean isGtinLength(String code) {
        return code.length() == 8 || code.length() == 12 || code.length() == 13;
    }
}
