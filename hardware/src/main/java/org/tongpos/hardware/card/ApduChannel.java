package org.tongpos.hardware.card;

/** Sends one command APDU to the card and returns the whole response including SW1 SW2. */
@FunctionalInterface
public interface ApduChannel {
    byte[] transmit(byte[] command) throws CardAccessException;
}
