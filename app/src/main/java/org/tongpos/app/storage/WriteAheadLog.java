package org.tongpos.app.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32C;

/**
 * An append-only file of records, each made durable by one {@code fdatasync} before {@link #append} returns.
 * Record layout: 4-byte length, 4-byte CRC-32C of the payload, payload. A record cut short by a crash or power
 * cut, or whose checksum does not match, ends the log: it and anything after it are dropped on {@link #open}.
 *
 * <p>A record can be withdrawn with {@link #cancel}: a <em>cancel marker</em>, itself a framed and fsynced record
 * naming the cancelled record's position and checksum, follows it in the file, and a cancelled record is never
 * among the {@link #recoveredRecords() recovered} ones. An append that fails is cut back out of the file before it
 * throws; should the cut fail too, the record is cancelled in place by a marker written behind it. So a record the
 * caller was told had failed is never read back, and the log's state on the next open is never ambiguous &mdash;
 * except when not even that marker can be written, which {@link UncertainRecordException} reports (the caller must
 * then treat the record as possibly replayed: the next open decides, and nothing more is appended until then).
 * See docs/decisions/0001-durable-sales-write-ahead-log.md.
 */
public final class WriteAheadLog implements AutoCloseable {

    private static final int HEADER = 8;
    private static final int MAX_RECORD = 16 * 1024 * 1024;
    /** The payload of a cancel marker: these 8 bytes, the cancelled record's position (8) and checksum (4). */
    private static final byte[] CANCEL_MAGIC = {0, 'T', 'P', 'W', 'A', 'L', 'C', 'X'};
    private static final int CANCEL_PAYLOAD = CANCEL_MAGIC.length + 8 + 4;

    /** A record read back on open: its id (the position {@link #append} returned for it) and its payload. */
    public record Entry(long id, byte[] payload) {
    }

    /**
     * The record may or may not be in the log: it could be neither cut back out nor cancelled. The next
     * {@link #open} decides (an intact record is read back, a torn one is not); until then nothing is appended.
     */
    public static final class UncertainRecordException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncertainRecordException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final List<Entry> recovered;
    /** Records not cancelled since the log was last emptied, by id, with their checksum. */
    private final Map<Long, Integer> live = new LinkedHashMap<>();
    private int records;
    /** Where the last intact record ends: the next append starts here, and a failed one is cut back to here. */
    private long end;
    /** Why the log's contents are no longer known (a failed append that could not be cut back); null while sound. */
    private Exception unknownState;

    private WriteAheadLog(Path file, FileChannel channel, List<Entry> recovered, Map<Long, Integer> live,
                          int records, long end) {
        this.file = file;
        this.channel = channel;
        this.recovered = recovered;
        this.live.putAll(live);
        this.records = records;
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
            List<Frame> frames = new ArrayList<>();
            long end = readIntact(channel, frames);
            if (end < channel.size()) {
                channel.truncate(end);
                channel.force(true);
            }
            channel.position(end);
            Map<Long, Integer> live = new LinkedHashMap<>();
            Map<Long, byte[]> payloads = new LinkedHashMap<>();
            for (Frame frame : frames) {
                if (isCancelMarker(frame.payload)) {
                    ByteBuffer marker = ByteBuffer.wrap(frame.payload, CANCEL_MAGIC.length, 12);
                    long target = marker.getLong();
                    int checksum = marker.getInt();
                    Integer found = live.get(target);
                    if (found == null || found != checksum) {
                        throw new StorageException("the write-ahead log " + file + " is inconsistent: the cancel "
                                + "marker at " + frame.position + " names no record at " + target, null);
                    }
                    live.remove(target);
                    payloads.remove(target);
                } else {
                    live.put(frame.position, frame.checksum);
                    payloads.put(frame.position, frame.payload);
                }
            }
            List<Entry> recovered = new ArrayList<>(payloads.size());
            payloads.forEach((id, payload) -> recovered.add(new Entry(id, payload)));
            return new WriteAheadLog(file, channel, recovered, live, frames.size(), end);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel, e);
            if (e instanceof StorageException storage) {
                throw storage;
            }
            throw new StorageException("cannot open the write-ahead log " + file, e);
        }
    }

    /**
     * The log's intact records (and cancel markers) as they are in the file, for a backup to keep beside its
     * database snapshot. The caller holds the lock that serialises appends ({@code SaleStore.atQuietPoint}).
     */
    public byte[] contents() {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(end));
            long position = 0;
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, position);
                if (read < 0) {
                    throw new IOException("the file ends at " + position + " before " + end);
                }
                position += read;
            }
            return buffer.array();
        } catch (IOException | ArithmeticException e) {
            throw new StorageException("cannot read the write-ahead log " + file, e);
        }
    }

    /** The intact, not cancelled records found when the log was opened, oldest first. */
    public List<byte[]> recoveredRecords() {
        return recovered.stream().map(Entry::payload).toList();
    }

    /** As {@link #recoveredRecords()}, with each record's id (for {@link #cancel}). */
    public List<Entry> recoveredEntries() {
        return List.copyOf(recovered);
    }

    /**
     * Appends a record, forces it to stable storage and returns its id (for {@link #cancel}). When this throws a
     * {@link StorageException}, the record is not in the log (cut back out, or cancelled in place). When it throws
     * {@link UncertainRecordException}, it may be: the next open decides, and every later append is refused.
     */
    public long append(byte[] payload) {
        if (payload.length == 0 || payload.length > MAX_RECORD) {
            throw new IllegalArgumentException("record size out of range: " + payload.length);
        }
        if (isCancelMarker(payload)) {
            throw new IllegalArgumentException("a record may not look like a cancel marker");
        }
        refuseWhenUnknown();
        long start = end;
        int checksum = checksum(payload);
        try {
            writeFrame(payload, checksum, start);
            channel.force(false);
        } catch (IOException | RuntimeException e) {
            if (cutBack(start, e)) {
                throw new StorageException("cannot write the write-ahead log " + file, e);
            }
            if (cancelInPlace(start, HEADER + payload.length, checksum, e)) {
                throw new StorageException("cannot write the write-ahead log " + file + " (the record is cancelled "
                        + "in place)", e);
            }
            unknownState = e;
            throw new UncertainRecordException("the write-ahead log " + file + " could not write a record nor "
                    + "withdraw it: whether it counts is decided when the log is next opened", e);
        }
        end = start + HEADER + payload.length;
        records++;
        live.put(start, checksum);
        return start;
    }

    /**
     * Withdraws the record with this id, durably: a cancel marker is appended and fsynced, and the record is never
     * read back. When this throws a {@link StorageException}, the marker is not in the log and the record counts;
     * when it throws {@link UncertainRecordException}, the next open decides and every later append is refused.
     */
    public void cancel(long id) {
        refuseWhenUnknown();
        Integer checksum = live.get(id);
        if (checksum == null) {
            throw new IllegalArgumentException("no record " + id + " to cancel in " + file);
        }
        byte[] marker = cancelMarker(id, checksum);
        long start = end;
        try {
            writeFrame(marker, checksum(marker), start);
            channel.force(false);
        } catch (IOException | RuntimeException e) {
            if (cutBack(start, e)) {
                throw new StorageException("cannot cancel record " + id + " in the write-ahead log " + file
                        + "; the record counts", e);
            }
            unknownState = e;
            throw new UncertainRecordException("the write-ahead log " + file + " could not write the cancel of "
                    + "record " + id + " nor cut it back: whether the record counts is decided when the log is "
                    + "next opened", e);
        }
        end = start + HEADER + marker.length;
        records++;
        live.remove(id);
    }

    /** False once a failed write left the log in an unknown state: it refuses every append until reopened. */
    public boolean isSound() {
        return unknownState == null;
    }

    private void refuseWhenUnknown() {
        if (unknownState != null) {
            throw new StorageException("the write-ahead log " + file + " is in an unknown state after a failed "
                    + "write; nothing can be recorded until the terminal is restarted", unknownState);
        }
    }

    private void writeFrame(byte[] payload, int checksum, long at) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER + payload.length);
        buffer.putInt(payload.length).putInt(checksum).put(payload).flip();
        channel.position(at);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /**
     * Removes whatever part of a failed write reached the file, durably: a whole record whose fsync failed would
     * otherwise be read back as a record that was reported failed, and a torn one would end the log in front of
     * every later record. Returns false when the cut itself failed.
     */
    private boolean cutBack(long to, Exception failure) {
        try {
            channel.truncate(to);
            channel.position(to);
            channel.force(true);
            return true;
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
            return false;
        }
    }

    /**
     * A failed append that could not be cut back: writes a cancel marker right behind it and fsyncs. Should the
     * record be whole, the marker withdraws it; should it be torn, the next open stops reading in front of it (and
     * so never reads the marker). The log takes further appends only when both read back intact.
     */
    private boolean cancelInPlace(long start, int frameLength, int checksum, Exception failure) {
        try {
            byte[] marker = cancelMarker(start, checksum);
            long markerAt = start + frameLength;
            writeFrame(marker, checksum(marker), markerAt);
            channel.force(false);
            List<Frame> frames = new ArrayList<>();
            long intactEnd = readFrom(channel, start, frames);
            boolean withdrawn = frames.size() >= 2 && frames.get(0).checksum == checksum
                    && frames.get(1).position == markerAt && Arrays.equals(frames.get(1).payload, marker);
            if (!withdrawn) {
                // the record is torn: it and the marker are cut off on the next open; nothing may follow them
                unknownState = failure;
                return true;
            }
            end = markerAt + HEADER + marker.length;
            channel.position(end);
            records += 2;
            return intactEnd >= end;
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
            return false;
        }
    }

    /** Records appended since the log was last emptied (including recovered ones and cancel markers). */
    public int size() {
        return records;
    }

    /** Empties the log; call only once everything in it is durable elsewhere. */
    public void reset() {
        refuseWhenUnknown();
        try {
            channel.truncate(0);
            end = 0;
            records = 0;
            recovered.clear();
            live.clear();
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

    private static byte[] cancelMarker(long id, int checksum) {
        return ByteBuffer.allocate(CANCEL_PAYLOAD).put(CANCEL_MAGIC).putLong(id).putInt(checksum).array();
    }

    private static boolean isCancelMarker(byte[] payload) {
        return payload.length == CANCEL_PAYLOAD
                && Arrays.equals(payload, 0, CANCEL_MAGIC.length, CANCEL_MAGIC, 0, CANCEL_MAGIC.length);
    }

    private static int checksum(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue();
    }

    private static void closeQuietly(FileChannel channel, Exception failure) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private record Frame(long position, int checksum, byte[] payload) {
    }

    private static long readIntact(FileChannel channel, List<Frame> into) throws IOException {
        return readFrom(channel, 0, into);
    }

    private static long readFrom(FileChannel channel, long from, List<Frame> into) throws IOException {
        long position = from;
        long size = channel.size();
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (position + HEADER <= size) {
            header.clear();
            while (header.hasRemaining() && channel.read(header, position + header.position()) > 0) {
                // keep reading until the whole header is in
            }
            header.flip();
            if (header.remaining() < HEADER) {
                break;
            }
            int length = header.getInt();
            int checksum = header.getInt();
            if (length <= 0 || length > MAX_RECORD || position + HEADER + length > size) {
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            while (payload.hasRemaining() && channel.read(payload, position + HEADER + payload.position()) > 0) {
                // keep reading until the whole payload is in
            }
            if (payload.hasRemaining() || checksum(payload.array()) != checksum) {
                break;
            }
            into.add(new Frame(position, checksum, payload.array()));
            position += HEADER + length;
        }
        return position;
    }
}
