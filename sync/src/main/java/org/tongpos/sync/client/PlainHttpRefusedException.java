package org.tongpos.sync.client;

import java.net.URI;

/**
 * A bank URL that would send the terminal's journal and payments in clear: plain {@code http://} to a host other
 * than this machine, without the explicit lab override. See {@link PlainHttpRule}.
 */
public final class PlainHttpRefusedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String host;

    public PlainHttpRefusedException(URI url) {
        super("bank.url " + url + ": plain http:// is allowed only to a sandbox bank on this machine (127.0.0.1, "
                + "localhost, ::1); use https://");
        this.host = url.getHost() != null ? url.getHost() : String.valueOf(url.getRawAuthority());
    }

    /** The host the URL names (its authority when Java cannot read a host from it). */
    public String host() {
        return host;
    }
}
