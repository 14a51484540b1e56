package org.tongpos.app.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;

/** The channel of a real file, failing on command: a write cut short, an fsync, a truncate. */
public final class FaultyChannel extends FileChannel {

    private FileChannel file;
    private long writeBudget = -1;
    private boolean failNextForce;
    private boolean failTruncate;
    private boolean failForces;

    /** Opens the write-ahead log at {@code path} over this channel; use one FaultyChannel per open. */
    public WriteAheadLog openLog(Path path) {
        return WriteAheadLog.open(path, channel -> {
            file = channel;
            return this;
        });
    }

    /** The next writes put {@code bytes} more bytes into the file, then one throws (a disk that filled up). */
    public void failWritingAfter(long bytes) {
        writeBudget = bytes;
    }

    /** The next fsync throws, as Linux reports a write-back error. */
    public void failNextForce() {
        failNextForce = true;
    }

    /** Every fsync throws from now on (a disk gone read-only). */
    public void failForces() {
        failForces = true;
    }

    /** Every truncate throws from now on. */
    public void failTruncates() {
        failTruncate = true;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (writeBudget < 0) {
            return file.write(src);
        }
        if (writeBudget == 0) {
            writeBudget = -1;
            throw new IOException("injected: no space left on device");
        }
        ByteBuffer part = src.slice();
        part.limit((int) Math.min(writeBudget, part.remaining()));
        int written = file.write(part);
        src.position(src.position() + written);
        writeBudget -= written;
        return written;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        if (failNextForce || failForces) {
            failNextForce = false;
            throw new IOException("injected: fsync failed");
        }
        file.force(metaData);
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        if (failTruncate) {
            throw new IOException("injected: truncate failed");
        }
        file.truncate(size);
        return this;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return file.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return file.read(dsts, offset, length);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return file.write(srcs, offset, length);
    }

    @Override
    public long position() throws IOException {
        return file.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        file.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return file.size();
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return file.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        return file.transferFrom(src, position, count);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return file.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        return file.write(src, position);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return file.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return file.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return file.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        file.close();
    }
}
