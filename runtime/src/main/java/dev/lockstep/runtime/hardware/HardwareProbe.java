package dev.lockstep.runtime.hardware;

import dev.lockstep.runtime.process.ShortCommand;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Describes the machine: CPU from /proc/cpuinfo (the kernel's view, so it does not change with
 * the JVM's CPU limits), GPUs from nvidia-smi when it is on PATH.
 */
public final class HardwareProbe {

  private static final Path CPUINFO = Path.of("/proc/cpuinfo");
  private static final Duration NVIDIA_SMI_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern CUDA_VERSION = Pattern.compile("CUDA Version:\\s*([0-9][0-9.]*)");

  private final Map<String, String> environment;

  /** @param environment the caller's environment; its PATH is searched for nvidia-smi */
  public HardwareProbe(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  public MachineHardware probe() {
    return new MachineHardware(cpu(), gpu().orElse(null));
  }

  static CpuInfo cpu() {
    try {
      if (Files.isReadable(CPUINFO)) {
        return parseCpuinfo(Files.readString(CPUINFO, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // fall through to what the JVM knows
    }
    return new CpuInfo(System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors());
  }

  /** x86 names the model in "model name"; some ARM kernels only in "Hardware" or "Model". */
  static CpuInfo parseCpuinfo(String text) {
    int processors = 0;
    String model = null;
    String fallbackModel = null;
    for (String line : text.split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      if (key.equals("processor")) {
        processors++;
      } else if (key.equals("model name") && model == null) {
        model = value;
      } else if ((key.equals("Hardware") || key.equals("Model")) && fallbackModel == null) {
        fallbackModel = value;
      }
    }
    String name = model != null ? model : fallbackModel != null ? fallbackModel : System.getProperty("os.arch");
    return new CpuInfo(name, processors > 0 ? processors : Runtime.getRuntime().availableProcessors());
  }

  private Optional<GpuInfo> gpu() {
    Optional<Path> nvidiaSmi = onPath("nvidia-smi");
    if (nvidiaSmi.isEmpty()) {
      return Optional.empty();
    }
    try {
      Path here = Path.of(".").toAbsolutePath();
      ShortCommand.Result query = ShortCommand.run(
          List.of(nvidiaSmi.get().toString(), "--query-gpu=name,driver_version", "--format=csv,noheader"),
          environment, here, NVIDIA_SMI_TIMEOUT);
      if (!query.succeeded()) {
        return Optional.empty(); // nvidia-smi without a working driver: no usable GPU
      }
      ShortCommand.Result header = ShortCommand.run(List.of(nvidiaSmi.get().toString()), environment, here, NVIDIA_SMI_TIMEOUT);
      return parseGpus(query.stdout(), header.stdout());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * @param query nvidia-smi --query-gpu=name,driver_version --format=csv,noheader: one
   *     "name, driver" line per GPU
   * @param header plain nvidia-smi output, whose banner says "CUDA Version: X.Y"
   */
  static Optional<GpuInfo> parseGpus(String query, String header) {
    List<String> models = new ArrayList<>();
    String driver = null;
    for (String line : query.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int comma = line.lastIndexOf(',');
      models.add((comma < 0 ? line : line.substring(0, comma)).trim());
      driver = comma < 0 ? driver : line.substring(comma + 1).trim();
    }
    if (models.isEmpty()) {
      return Optional.empty();
    }
    Matcher cuda = CUDA_VERSION.matcher(header);
    return Optional.of(new GpuInfo(models.size(), models, driver, cuda.find() ? cuda.group(1) : null));
  }

  private Optional<Path> onPath(String program) {
    String path = environment.getOrDefault("PATH", "");
    for (String directory : path.split(File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(directory, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
