package org.tongpos.hardware.receipt;

import java.util.Objects;

/** A label and its value on a line of its own (就餐人: 张三, 补贴: 5.00, 余额: 120.00). */
public record ReceiptField(String label, String value) {

    public ReceiptField {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }
}
