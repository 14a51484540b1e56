package org.tongpos.sync.sandbox;

import org.tongpos.sync.wire.PaymentChannel;

/**
 * How the sandbox answers a payment code, decided by the code itself so tests and demos can choose.
 * The channel comes from the prefix (routing hints: WeChat 18 digits starting 10–15, Alipay 16–24
 * digits starting 25–30, UnionPay 19 digits starting 62, anything else BANK). The outcome comes from
 * the last four digits {@code M N N N}:
 * <ul>
 *   <li>{@code M} = 0–5: {@code SUCCESS} at once;</li>
 *   <li>{@code 6NNN}: {@code USERPAYING}; queries 1 … NNN−1 still say USERPAYING, query NNN (and later)
 *       says {@code SUCCESS} ({@code 6000} behaves like {@code 6001});</li>
 *   <li>{@code 7NNN}: {@code USERPAYING} until NNN seconds (bank clock) after the POST, then {@code SUCCESS};</li>
 *   <li>{@code 8NNN}: {@code USERPAYING} for ever (the customer never confirms: the client must reverse);</li>
 *   <li>{@code 9NNN}: {@code FAIL}: {@code 9001} AUTH_CODE_INVALID, {@code 9002} NOT_ENOUGH_BALANCE,
 *       {@code 9003} AUTH_CODE_EXPIRED, others PAYMENT_DECLINED.</li>
 * </ul>
 * Codes shorter than four digits succeed at once.
 */
final class DemoPaymentRules {

    enum Outcome { SUCCESS, SUCCESS_AFTER_QUERIES, SUCCESS_AFTER_SECONDS, NEVER, FAIL }

    record Plan(Outcome outcome, long parameter, String failCode) {
    }

    private DemoPaymentRules() {
    }

    static Plan plan(String authCode) {
        if (authCode.length() < 4) {
            return new Plan(Outcome.SUCCESS, 0, "");
        }
        String last4 = authCode.substring(authCode.length() - 4);
        int mode = last4.charAt(0) - '0';
        int parameter = Integer.parseInt(last4.substring(1));
        return switch (mode) {
            case 6 -> new Plan(Outcome.SUCCESS_AFTER_QUERIES, Math.max(1, parameter), "");
            case 7 -> new Plan(Outcome.SUCCESS_AFTER_SECONDS, parameter, "");
            case 8 -> new Plan(Outcome.NEVER, 0, "");
            case 9 -> new Plan(Outcome.FAIL, 0, switch (parameter) {
                case 1 -> "AUTH_CODE_INVALID";
                case 2 -> "NOT_ENOUGH_BALANCE";
                case 3 -> "AUTH_CODE_EXPIRED";
                default -> "PAYMENT_DECLINED";
            });
            default -> new Plan(Outcome.SUCCESS, 0, "");
        };
    }

    static PaymentChannel channel(String authCode) {
        int length = authCode.length();
        int prefix = length >= 2 ? Integer.parseInt(authCode.substring(0, 2)) : -1;
        if (length == 18 && prefix >= 10 && prefix <= 15) {
            return PaymentChannel.WECHAT;
        }
        if (length >= 16 && length <= 24 && prefix >= 25 && prefix <= 30) {
            return PaymentChannel.ALIPAY;
        }
        if (length == 19 && prefix == 62) {
            return PaymentChannel.UNIONPAY;
        }
        return PaymentChannel.BANK;
    }
}
