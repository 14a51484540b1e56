package org.tongpos.app.catalog.store;

/**
 * A product being saved has a barcode or PLU that belongs to another product. Nothing of that save was written.
 */
public final class CodeTakenException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Which of a product's codes is taken. */
    public enum Kind {
        BARCODE, PLU
    }

    private final int index;
    private final Kind kind;
    private final String code;
    private final String ownerName;

    /**
     * @param index     the position of the refused product in the list that was saved
     * @param ownerName the name of the product the code belongs to
     */
    public CodeTakenException(int index, Kind kind, String code, String ownerName) {
        super(kind + " " + code + " already belongs to another product: " + ownerName);
        this.index = index;
        this.kind = kind;
        this.code = code;
        this.ownerName = ownerName;
    }

    public int index() {
        return index;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String ownerName() {
        return ownerName;
    }
}
