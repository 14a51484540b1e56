package org.tongpos.hardware.testsupport;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

/**
 * A smart card in software, speaking vsmartcard-vpcd's socket protocol: the card connects to vpcd's port for a
 * reader slot ({@link PcscDaemon#cardPort()} for {@link PcscDaemon#READER}); every message is a 2-byte big-endian length and a payload; 1-byte payloads are
 * control codes (0 power off, 1 power on, 2 reset, 4 get ATR — answered with the ATR), longer ones are command APDUs
 * answered with a response APDU. Connecting is inserting the card, closing is removing it.
 */
public abstract class VirtualCard implements AutoCloseable {

    private Socket socket;
    private Thread thread;

    protected abstract byte[] atr();

    protected abstract byte[] respond(byte[] apdu);

    /** Puts the card on the reader whose vpcd slot listens on {@code port}. */
    public void insert(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        Socket s = socket;
        thread = new Thread(() -> serve(s), "virtual-card");
        thread.setDaemon(true);
        thread.start();
    }

    public void remove() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }

    private void serve(Socket s) {
        try {
            DataInputStream in = new DataInputStream(s.getInputStream());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            while (true) {
                int length = in.readUnsignedShort();
                byte[] payload = in.readNBytes(length);
                if (payload.length != length) {
                    return;
                }
                if (length == 1) {
                    if (payload[0] == 4) {
                        send(out, atr());
                    }
                    continue;
                }
                send(out, respond(payload));
            }
        } catch (IOException e) {
            // removed
        }
    }

    private static void send(DataOutputStream out, byte[] data) throws IOException {
        out.writeShort(data.length);
        out.write(data);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        remove();
    }

    protected static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    protected static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    protected static final byte[] OK = {(byte) 0x90, 0x00};
}
