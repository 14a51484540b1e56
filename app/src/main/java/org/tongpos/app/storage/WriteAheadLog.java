package org.tongpos.app.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32C;

/**
 * An append-only file of records, each made durable by one {@code fdatasync} before {@link #append} returns.
 * Record layout: 4-byte length, 4-byte CRC-32C of the payload, payload. A record cut short by a crash or power
 * cut, or whose checksum does not match, ends the log: it and anything after it are dropped on {@link #open}.
 * An append that fails is cut back out of the file before it throws, so neither a record the caller was told had
 * failed nor a torn record in front of later ones is ever read back.
 */
public final class WriteAheadLog implements AutoCloseable {

    private static final int HEADER = 8;
    private static final int MAX_RECORD = 16 * 1024 * 1024;

    private final Path file;
    private final FileChannel channel;
    private final List<byte[]> recovered;
    private int records;
    /** Where the last intact record ends: the next append starts here, and a failed one is cut back to here. */
    private long end;
    /** Why the log's contents are no longer known (a failed append that could not be cut back); null while sound. */
    private Exception unknownState;

    private WriteAheadLog(Path file, FileChannel channel, List<byte[]> recovered, long end) {
        this.file = file;
        this.channel = channel;
        this.recovered = recovered;
        this.records = recovered.size();
        this.end = end;
    }

    /** Opens or creates the log, reads its intact records and cuts off a torn tail. */
    public static WriteAheadLog open(Path file) {
        return open(file, UnaryOperator.identity());
    }

    /** As {@link #open(Path)}, with the file's channel passed through {@code wrap} (tests inject failures here). */
    static WriteAheadLog open(Path file, UnaryOperator<FileChannel> wrap) {
        FileChannel channel = null;
        try {
            channel = wrap.apply(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE));
            // On every open, not only on creation: a crash between creating the file and this fsync would
            // otherwise leave its name undurable for good.
            DurableDirectories.syncEntries(file.toAbsolutePath().getParent());
            List<byte[]> intact = new ArrayList<>();
            long end = readIntact(channel, intact);
            if (end < channel.size()) {
                channel.truncate(end);
                channel.force(true);
            }
            channel.position(end);
            return new WriteAheadLog(file, channel, intact, end);
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw new StorageException("cannot open the write-ahead log " + file, e);
        }
    }

    /** The intact records found when the log was opened, oldest first. */
    public List<byte[]> recoveredRecords() {
        return List.copyOf(recovered);
    }

    /**
     * Appends a record and forces it to stable storage. When this throws, the record is not in the log; should
     * even cutting it back out fail, the log refuses every further append until it is opened again.
     */
    public void append(byte[] payload) {
        if (payload.length == 0 || payload.length > MAX_RECORD) {
            throw new IllegalArgumentException("record size out of range: " + payload.length);
        }
        if (unknownState != null) {
            throw new StorageException("the write-ahead log " + file + " is in an unknown state after a failed "
                    + "write; no sale can be recorded until the terminal is restarted", unknownState);
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
        } catch (IOException | RuntimeException e) {
            cutBackFailedAppend(e);
            throw new StorageException("cannot write the write-ahead log " + file, e);
        }
        end += buffer.limit();
        records++;
    }

    /**
     * Removes whatever part of a failed append reached the file, durably: a whole record whose fsync failed would
     * otherwise be replayed as a sale that was reported failed, and a torn one would end the log in front of
     * every later record.
     */
    private void cutBackFailedAppend(Exception failure) {
        try {
            channel.truncate(end);
            channel.position(end);
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
            unknownState = failure;
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
            end = 0;
            records = 0;
            recovered.clear();
            channel.position(0);
            channel.force(true);
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

    private static void closeQuietly(FileChannel channel, IOException failure) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
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
