package org.tongpos.sync.wire;

/** Which network carried a payment code. */
public enum PaymentChannel {
    WECHAT,
    ALIPAY,
    UNIONPAY,
    BANK
}
