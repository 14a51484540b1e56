package org.tongpos.app.catalog.store;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;
import org.tongpos.app.catalog.domain.Product;

/**
 * Which product each barcode and PLU belongs to, kept up to date while a save goes through its products: the stored
 * owners, overridden by what this save assigned. A product this save inserts has a placeholder id (negative) until its
 * batch is written, then {@link #replace} gives it its real one.
 */
final class CodeOwners {
    private final StoredCatalog stored;
    private final Map<String, Long> assignedBarcodes = new HashMap<>();
    private final Map<String, Long> idByPlu = new HashMap<>();
    private final Map<Long, String> pluById = new HashMap<>();

    CodeOwners(StoredCatalog stored) {
        this.stored = stored;
        stored.plus().forEach(this::assignPlu);
    }

    /** The product {@code p} updates (by its first barcode, or without barcodes by its PLU), or null. */
    Long productUpdatedBy(Product p) {
        return p.barcodes().isEmpty() ? pluOwner(p.plu()) : barcodeOwner(p.primaryBarcode());
    }

    /**
     * @throws CodeTakenException when {@code p} has a barcode or PLU of a product other than {@code updating}
     */
    void refuseTakenCodes(int row, Product p, Long updating, LongFunction<String> nameOf) {
        for (String barcode : p.barcodes()) {
            Long owner = barcodeOwner(barcode);
            if (owner != null && !owner.equals(updating)) {
                throw new CodeTakenException(row, CodeTakenException.Kind.BARCODE, barcode, nameOf.apply(owner));
            }
        }
        Long owner = pluOwner(p.plu());
        if (owner != null && !owner.equals(updating)) {
            throw new CodeTakenException(row, CodeTakenException.Kind.PLU, p.plu(), nameOf.apply(owner));
        }
    }

    void assign(long id, Product p) {
        for (String barcode : p.barcodes()) {
            assignedBarcodes.put(barcode, id);
        }
        String previous = pluById.remove(id);
        if (previous != null) {
            idByPlu.remove(previous);
        }
        assignPlu(id, p.plu());
    }

    /** The inserted product {@code p}, known so far by {@code placeholder}, has been given {@code id}. */
    void replace(long placeholder, long id, Product p) {
        for (String barcode : p.barcodes()) {
            assignedBarcodes.replace(barcode, placeholder, id);
        }
        String plu = pluById.remove(placeholder);
        if (plu != null) {
            idByPlu.put(plu, id);
            pluById.put(id, plu);
        }
    }

    private Long barcodeOwner(String barcode) {
        Long assigned = assignedBarcodes.get(barcode);
        return assigned != null ? assigned : stored.idByBarcode(barcode);
    }

    private void assignPlu(long id, String plu) {
        if (!plu.isEmpty()) {
            String key = Product.normalizePlu(plu);
            idByPlu.put(key, id);
            pluById.put(id, key);
        }
    }

    private Long pluOwner(String plu) {
        return plu.isEmpty() ? null : idByPlu.get(Product.normalizePlu(plu));
    }
}
