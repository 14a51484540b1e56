package org.tongpos.hardware.scanner;

/** Whose payment code (付款码) a code looks like; a routing hint only, the bank decides. */
public enum PaymentProvider { WECHAT, ALIPAY, UNIONPAY }
