package org.tongpos.sync.client;

import java.io.IOException;

/**
 * A file download answered something other than {@code 200}. The {@link #reply()} is the signed error as
 * verified (status and {@code Retry-After} included), or {@link BankReply.NoAnswer} when its signature did
 * not verify; {@link BankClient#retryDelay} says whether and when to try again.
 */
public class DownloadFailedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient BankReply reply;

    public DownloadFailedException(String message, BankReply reply) {
        super(message);
        this.reply = reply;
    }

    public BankReply reply() {
        return reply;
    }
}
