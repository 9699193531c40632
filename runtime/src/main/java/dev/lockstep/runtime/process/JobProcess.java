package dev.lockstep.runtime.process;

import dev.lockstep.jobformat.JobLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Runs the job's process, streaming its stdout and stderr live to the caller and, in arrival
 * order, into run.log, with secret values masked on both paths. The process gets no stdin:
 * a job must run unattended.
 */
public final class JobProcess {

  private static final int STDERR_TAIL_BYTES = 64 * 1024;

  private final PrintStream callerOut;
  private final PrintStream callerErr;

  public JobProcess(PrintStream callerOut, PrintStream callerErr) {
    this.callerOut = callerOut;
    this.callerErr = callerErr;
  }

  public ProcessResult run(List<String> command, Map<String, String> environment, Path workingDirectory, Path logFile,
      Collection<String> secretValues) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    try (OutputStream log = Files.newOutputStream(logFile);
        OutputStream stdoutLog = Files.newOutputStream(logFile.resolveSibling(JobLayout.RUN_STDOUT));
        OutputStream stderrLog = Files.newOutputStream(logFile.resolveSibling(JobLayout.RUN_STDERR))) {
      Process process = builder.start();
      process.getOutputStream().close();
      // If the JVM is stopped (SIGTERM), take the job down with it rather than orphan it.
      Thread killJob = new Thread(() -> {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }, "lockstep-stop-job");
      Runtime.getRuntime().addShutdownHook(killJob);
      StderrTail tail = new StderrTail(STDERR_TAIL_BYTES);
      Thread out = pump(process.getInputStream(), callerOut, log, stdoutLog, new SecretRedactor(secretValues), null);
      Thread err = pump(process.getErrorStream(), callerErr, log, stderrLog, new SecretRedactor(secretValues), tail);
      try {
        int exitCode = process.waitFor();
        out.join();
        err.join();
        return new ProcessResult(exitCode, tail.text());
      } catch (InterruptedException e) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted; the job was stopped", e);
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(killJob);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running already
        }
      }
    }
  }

  /**
   * Copies one of the job's streams to the caller as it arrives, and to the shared log a whole
   * line at a time: {@code python -u} writes print()'s pieces separately, and without line
   * assembly a stdout line and a stderr line would interleave mid-line in run.log.
   */
  private static Thread pump(InputStream source, PrintStream caller, OutputStream log, OutputStream streamLog,
      SecretRedactor redactor, StderrTail tail) {
    Thread thread = new Thread(() -> {
      LogLines lines = new LogLines(log, caller, streamLog);
      byte[] buffer = new byte[8192];
      try (source) {
        int read;
        while ((read = source.read(buffer)) >= 0) {
          emit(redactor.feed(buffer, 0, read), caller, lines, tail);
        }
      } catch (IOException e) {
        caller.println("lockstep: lost the job's output stream: " + e.getMessage());
      } finally {
        emit(redactor.finish(), caller, lines, tail);
        lines.flush();
      }
    }, "lockstep-job-output");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void emit(byte[] bytes, PrintStream caller, LogLines lines, StderrTail tail) {
    if (bytes.length == 0) {
      return;
    }
    caller.write(bytes, 0, bytes.length);
    caller.flush();
    lines.append(bytes);
    if (tail != null) {
      tail.append(bytes);
    }
  }

  /**
   * One stream's bytes on their way into the shared log: complete lines (ended by \n, or \r
   * for progress bars) are written at once under the log's lock; a line longer than
   * {@link #MAX_PENDING} is written in pieces rather than held without bound.
   */
  private static final class LogLines {
    private static final int MAX_PENDING = 64 * 1024;

    private final OutputStream log;
    /** This stream alone (stdout.log or stderr.log): its order does not depend on the other stream's timing. */
    private final OutputStream streamLog;
    private final PrintStream caller;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    LogLines(OutputStream log, PrintStream caller, OutputStream streamLog) {
      this.log = log;
      this.streamLog = streamLog;
      this.caller = caller;
    }

    void append(byte[] bytes) {
      int end = bytes.length;
      while (end > 0 && bytes[end - 1] != '\n' && bytes[end - 1] != '\r') {
        end--;
      }
      pending.write(bytes, 0, end);
      if (end > 0) {
        flush();
      }
      pending.write(bytes, end, bytes.length - end);
      if (pending.size() > MAX_PENDING) {
        flush();
      }
    }

    void flush() {
      if (pending.size() == 0) {
        return;
      }
      synchronized (log) {
        try {
          pending.writeTo(log);
          log.flush();
        } catch (IOException e) {
          caller.println("lockstep: cannot write run.log: " + e.getMessage());
        }
      }
      try {
        pending.writeTo(streamLog);
      } catch (IOException e) {
        caller.println("lockstep: cannot write the stream's log: " + e.getMessage());
      }
      pending.reset();
    }
  }

  /** The last N bytes of stderr, kept for traceback parsing without holding a long log. */
  private static final class StderrTail {
    private final int capacity;
    private byte[] bytes = new byte[0];

    StderrTail(int capacity) {
      this.capacity = capacity;
    }

    synchronized void append(byte[] more) {
      int keep = Math.min(bytes.length, Math.max(0, capacity - more.length));
      byte[] next = new byte[keep + Math.min(more.length, capacity)];
      System.arraycopy(bytes, bytes.length - keep, next, 0, keep);
      System.arraycopy(more, more.length - (next.length - keep), next, keep, next.length - keep);
      bytes = next;
    }

    synchronized String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
