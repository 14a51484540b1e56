package org.tongpos.hardware.printer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceReason.Code;

/**
 * Prints jobs one at a time on its own thread, keyed by a job id the caller chooses (the receipt number).
 *
 * <p>Submitting an id that is already known does nothing and returns the existing job, so a caller that timed out
 * waiting and submits again never gets a second receipt. A job is tried again automatically only while none of its
 * bytes reached the printer; once bytes went out and something failed, the job is {@link PrintJobState#FAILED}
 * with {@code mayHavePrinted} set, and only the cashier's {@link #retry} or {@link #reprint} prints it again.
 */
public final class PrintQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PrintQueue.class);
    private static final int REMEMBERED_JOBS = 500;

    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final ReceiptPrinter printer;
    private final Clock clock;
    private final ExecutorService worker;
    private final List<PrintJobListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, PrintJob> jobs = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PrintJob> eldest) {
            return size() > REMEMBERED_JOBS && eldest.getValue().isFinished();
        }
    };
    private final Map<String, byte[]> contents = new LinkedHashMap<>();

    public PrintQueue(ReceiptPrinter printer, Clock clock) {
        this.printer = printer;
        this.clock = clock;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "print-queue");
            t.setDaemon(true);
            return t;
        });
    }

    public void addListener(PrintJobListener listener) {
        listeners.add(listener);
    }

    /** Queues a job unless its id is already known; returns the job as it now stands. */
    public PrintJob submit(String jobId, String description, byte[] escpos) {
        PrintJob job;
        synchronized (this) {
            PrintJob existing = jobs.get(jobId);
            if (existing != null) {
                LOG.info("print job {} already known ({}), not printed again", jobId, existing.state());
                return existing;
            }
            job = new PrintJob(jobId, description, PrintJobState.QUEUED, 0, 0, DeviceReason.NONE, false, clock.instant());
            jobs.put(jobId, job);
            contents.put(jobId, escpos.clone());
            contents.keySet().retainAll(jobs.keySet());
        }
        publish(job);
        worker.execute(() -> run(jobId));
        return job;
    }

    /** Prints a failed job again, on the cashier's request. */
    public PrintJob retry(String jobId) {
        return requeue(jobId, PrintJobState.FAILED, DeviceReason.of(Code.PRINT_RETRY));
    }

    /** Prints a job again, whatever became of it (a customer asks for a copy). */
    public PrintJob reprint(String jobId) {
        return requeue(jobId, null, DeviceReason.of(Code.PRINT_REPRINT));
    }

    private PrintJob requeue(String jobId, PrintJobState requiredState, DeviceReason why) {
        PrintJob job;
        synchronized (this) {
            PrintJob existing = jobs.get(jobId);
            if (existing == null || !contents.containsKey(jobId)) {
                throw new IllegalArgumentException("no print job " + jobId);
            }
            if (requiredState != null && existing.state() != requiredState) {
                return existing;
            }
            if (!existing.isFinished()) {
                return existing;
            }
            job = new PrintJob(jobId, existing.description(), PrintJobState.QUEUED, 0, existing.copiesPrinted(), why,
                    false, clock.instant());
            jobs.put(jobId, job);
        }
        publish(job);
        worker.execute(() -> run(jobId));
        return job;
    }

    public synchronized Optional<PrintJob> job(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    public synchronized List<PrintJob> failedJobs() {
        List<PrintJob> failed = new ArrayList<>();
        for (PrintJob job : jobs.values()) {
            if (job.state() == PrintJobState.FAILED) {
                failed.add(job);
            }
        }
        return failed;
    }

    /**
     * Asks the printer for its status on the queue's thread (between jobs, never in the middle of one), so the
     * cashier sees "paper out" before the next receipt; the printer's device status listeners hear the result too.
     */
    public CompletableFuture<PrinterStatus> checkStatus() {
        CompletableFuture<PrinterStatus> result = new CompletableFuture<>();
        worker.execute(() -> {
            try {
                result.complete(printer.queryStatus());
            } catch (PrinterException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Opens the cash drawer on the queue's thread, after the jobs already queued (the receipt, then the drawer). */
    public CompletableFuture<Void> openDrawer() {
        CompletableFuture<Void> result = new CompletableFuture<>();
        worker.execute(() -> {
            try {
                printer.openDrawer();
                result.complete(null);
            } catch (PrinterException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Waits until the job is printed or failed, at most {@code timeout}; returns it as it stands then. */
    public PrintJob await(String jobId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                PrintJob job = jobs.get(jobId);
                if (job == null) {
                    throw new IllegalArgumentException("no print job " + jobId);
                }
                long left = deadline - System.nanoTime();
                if (job.isFinished() || left <= 0) {
                    return job;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    private void run(String jobId) {
        byte[] bytes;
        synchronized (this) {
            bytes = contents.get(jobId);
        }
        int attempt = 0;
        while (true) {
            attempt++;
            update(jobId, PrintJobState.PRINTING, DeviceReason.NONE, attempt, 0, false);
            try {
                printer.print(bytes);
                update(jobId, PrintJobState.PRINTED, DeviceReason.NONE, attempt, 1, false);
                return;
            } catch (PrinterException e) {
                boolean canRepeat = !e.mayHavePrinted() && attempt < printer.settings().automaticAttempts();
                LOG.warn("print job {} attempt {} failed: {}", jobId, attempt, e.getMessage());
                if (!canRepeat) {
                    update(jobId, PrintJobState.FAILED, e.reason(), attempt, 0, e.mayHavePrinted());
                    return;
                }
                update(jobId, PrintJobState.QUEUED, e.reason(), attempt, 0, false); // queued again: trying again
                try {
                    Thread.sleep(printer.settings().backoff().delayAfter(attempt).toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    update(jobId, PrintJobState.FAILED, DeviceReason.of(Code.PRINT_QUEUE_STOPPED), attempt, 0, false);
                    return;
                }
            }
        }
    }

    private void update(String jobId, PrintJobState state, DeviceReason reason, int attempts, int printed,
                        boolean mayHavePrinted) {
        PrintJob next;
        synchronized (this) {
            PrintJob current = jobs.get(jobId);
            next = new PrintJob(jobId, current.description(), state, attempts, current.copiesPrinted() + printed,
                    reason, mayHavePrinted, clock.instant());
            jobs.put(jobId, next);
            notifyAll();
        }
        publish(next);
    }

    private void publish(PrintJob job) {
        for (PrintJobListener listener : listeners) {
            try {
                listener.jobChanged(job);
            } catch (RuntimeException e) {
                LOG.error("print job listener failed", e);
            }
        }
    }

    /**
     * Stops the queue: the job in hand gets a short grace period to finish, then every job that has not printed is
     * reported {@link PrintJobState#FAILED} ("print queue stopped") instead of vanishing, so it can be reprinted.
     */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
        List<PrintJob> unfinished;
        synchronized (this) {
            unfinished = jobs.values().stream().filter(job -> !job.isFinished()).toList();
        }
        for (PrintJob job : unfinished) {
            update(job.id(), PrintJobState.FAILED, DeviceReason.of(Code.PRINT_QUEUE_STOPPED), job.attempts(), 0,
                    job.state() == PrintJobState.PRINTING);
        }
        printer.close();
    }
}
