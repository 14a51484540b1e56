package org.tongpos.hardware.testsupport;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

/**
 * A smart card in software, speaking vsmartcard-vpcd's socket protocol: the card connects to vpcd (TCP 35963 for
 * reader "Virtual PCD 00 00"); every message is a 2-byte big-endian length and a payload; 1-byte payloads are
 * control codes (0 power off, 1 power on, 2 reset, 4 get ATR — answered with the ATR), longer ones are command APDUs
 * answered with a response APDU. Connecting is inserting the card, closing is removing it.
 */
public abstract class VirtualCard implements AutoCloseable {

    public static final int VPCD_PORT = 35963;

    private Socket socket;
    private Thread thread;

    protected abstract byte[] atr();

    protected abstract byte[] respond(byte[] apdu);

    public void insert() throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), VPCD_PORT);
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
