package org.tongpos.sync.signing;

/** The {@code Authorization} header is missing, not of the TONG1 scheme, or not well formed. */
public class MalformedAuthorizationException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedAuthorizationException(String message) {
        super(message);
    }
}
