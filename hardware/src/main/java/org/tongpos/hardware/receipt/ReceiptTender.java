package org.tongpos.hardware.receipt;

import java.util.Objects;

/** How part of the total was paid, with the name to print (现金, 微信支付, 银行卡 …). */
public record ReceiptTender(String method, long amountFen) {

    public ReceiptTender {
        Objects.requireNonNull(method, "method");
    }
}
