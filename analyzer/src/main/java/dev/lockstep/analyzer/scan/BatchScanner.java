package dev.lockstep.analyzer.scan;

import dev.lockstep.analyzer.rules.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Scans many notebooks on all cores. Reports come back in the order the files were listed,
 * whatever order the threads finish in, so the output is the same for any thread count.
 */
public final class BatchScanner {
    private final ScanSettingsSource settings;
    private final int threads;

    public BatchScanner(RuleSet rules, FindingFilter filter, int threads) {
        this(new ScanSettings(rules, filter), threads);
    }

    /** A scanner that asks {@code settings} how to scan each file (per-folder configuration). */
    public BatchScanner(ScanSettingsSource settings, int threads) {
        this.settings = settings;
        this.threads = Math.max(1, threads);
    }

    public ScanResult scan(List<NotebookFiles.Target> targets) {
        List<FileReport> reports = new ArrayList<>(targets.size());
        scan(targets, reports::add);
        return new ScanResult(reports, settings.rules());
    }

    /** Scans and hands each report to {@code sink} in file order, as soon as it and all before it are done. */
    public void scan(List<NotebookFiles.Target> targets, Consumer<FileReport> sink) {
        if (threads == 1 || targets.size() <= 1) {
            for (NotebookFiles.Target target : targets) {
                sink.accept(scanOne(target));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(null, runnable, "lockstep-scan", 16L << 20);
            thread.setDaemon(true);
            return thread;
        });
        try {
            // A bounded window keeps memory flat on huge batches while all threads stay busy.
            int window = threads * 8;
            List<Future<FileReport>> pending = new ArrayList<>();
            int next = 0;
            int emitted = 0;
            while (emitted < targets.size()) {
                while (next < targets.size() && next - emitted < window) {
                    NotebookFiles.Target target = targets.get(next++);
                    pending.add(pool.submit(() -> scanOne(target)));
                }
                Future<FileReport> head = pending.remove(0);
                sink.accept(head.get());
                emitted++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("scan failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private FileReport scanOne(NotebookFiles.Target target) {
        if (!target.exists()) {
            return FileReport.failed(target.displayPath(), "no such file or directory");
        }
        ScanSettings fileSettings;
        try {
            fileSettings = settings.settingsFor(target.path());
        } catch (RuntimeException e) {
            return FileReport.failed(target.displayPath(), String.valueOf(e.getMessage())); // its lockstep.toml is bad
        }
        return fileSettings.scanner().scan(target.path(), target.displayPath());
    }
}
