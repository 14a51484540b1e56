package org.tongpos.app.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An append-only file of records, each made durable by one {@code fdatasync} before {@link #append} returns.
 * Record layout: 4-byte length, 4-byte CRC-32C of the payload, payload. A record cut short by a crash or power
 * cut, or whose checksum does not match, ends the log: it and anything after it are dropped on {@link #open}.
 */
public final class WriteAheadLog implements AutoCloseable {

    private static final int HEADER = 8;
    private static final int MAX_RECORD = 16 * 1024 * 1024;

    private final FileChannel channel;
    private final List<byte[]> recovered;
    private int records;

    private WriteAheadLog(FileChannel channel, List<byte[]> recovered) {
        this.channel = channel;
        this.recovered = recovered;
        this.records = recovered.size();
    }

    /** Opens or creates the log, reads its intact records and cuts off a torn tail. */
    public static WriteAheadLog open(Path file) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            List<byte[]> intact = new ArrayList<>();
            long end = readIntact(channel, intact);
            if (end < channel.size()) {
                channel.truncate(end);
                channel.force(true);
            }
            channel.position(end);
            return new WriteAheadLog(channel, intact);
        } catch (IOException e) {
            throw new StorageException("cannot open the write-ahead log " + file, e);
        }
    }

    /** The intact records found when the log was opened, oldest first. */
    public List<byte[]> recoveredRecords() {
        return List.copyOf(recovered);
    }

    /** Appends a record and forces it to stable storage. */
    public void append(byte[] payload) {
        if (payload.length == 0 || payload.length > MAX_RECORD) {
            throw new IllegalArgumentException("record size out of range: " + payload.length);
        }
        CRC32C crc = new CRC32C();
        crc.update(payload);
        ByteBuffer buffer = ByteBuffer.allocate(HEADER + payload.length);
        buffer.putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
            records++;
        } catch (IOException e) {
            throw new StorageException("cannot write the write-ahead log", e);
        }
    }

    /** Records appended since the log was last emptied (including recovered ones). */
    public int size() {
        return records;
    }

    /** Empties the log; call only once everything in it is durable elsewhere. */
    public void reset() {
        try {
            channel.truncate(0);
            channel.position(0);
            channel.force(true);
            records = 0;
            recovered.clear();
        } catch (IOException e) {
            throw new StorageException("cannot reset the write-ahead log", e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new StorageException("cannot close the write-ahead log", e);
        }
    }

    private static long readIntact(FileChannel channel, List<byte[]> into) throws IOException {
        long position = 0;
        long size = channel.size();
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (position + HEADER <= size) {
            header.clear();
            channel.read(header, position);
            header.flip();
            int length = header.getInt();
            int checksum = header.getInt();
            if (length <= 0 || length > MAX_RECORD || position + HEADER + length > size) {
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            while (payload.hasRemaining() && channel.read(payload, position + HEADER + payload.position()) > 0) {
                // keep reading until the whole payload is in
            }
            CRC32C crc = new CRC32C();
            crc.update(payload.array());
            if ((int) crc.getValue() != checksum) {
                break;
            }
            into.add(payload.array());
            position += HEADER + length;
        }
        return position;
    }
}
