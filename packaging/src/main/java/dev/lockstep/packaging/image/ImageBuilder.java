package dev.lockstep.packaging.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.event.events.ProgressEvent;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import dev.lockstep.packaging.BaseImageSetting;
import dev.lockstep.packaging.JobSpecs;
import dev.lockstep.packaging.PackagingException;
import dev.lockstep.packaging.lock.JobLocker;
import dev.lockstep.packaging.lock.LockFile;
import dev.lockstep.runtime.JobException;
import dev.lockstep.runtime.hashing.JobHash;
import dev.lockstep.jobformat.hash.Sha256;
import dev.lockstep.runtime.record.AtomicFiles;
import dev.lockstep.runtime.record.CanonicalJson;
import dev.lockstep.jobformat.InputSpec;
import dev.lockstep.jobformat.JobSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * {@code lockstep build DIR}: the job's OCI image, built with Jib Core (no Docker daemon).
 *
 * <p>Layers, most stable first so a rebuild after a code change re-sends only what changed: a
 * jlinked Java runtime (only the modules the Lockstep runtime needs), the runtime jar, the Python
 * packages (only with {@code --wheels}; otherwise the base image must already hold exactly the
 * locked versions, read from its layers), the pipeline code, then config and lock. The
 * entrypoint is the Lockstep runtime running the job: input verification, determinism
 * environment, run record and provenance, inside the container. Entries are dated 1970 with
 * fixed permissions, and the image's creation time is the epoch, so the same job directory
 * gives the same digest.
 */
public final class ImageBuilder {

  public static final String JOB = "/job";
  public static final String JAVA_HOME = "/opt/lockstep/java";
  public static final String PYTHON_PACKAGES = "/opt/lockstep/python";
  public static final String RUNTIME_JAR = "lib/lockstep-runtime.jar";
  public static final String IMAGE_RECORD = "lockstep.image.json";
  static final String PYTHON_IN_IMAGE = "/usr/bin/python3";
  private static final List<String> CONFIG_FILES = List.of("lockstep.yaml", LockFile.FILE_NAME, "RunJob.java", "README.md",
      "extraction.json");

  /**
   * @param base {@code --base tar:FILE}; empty: lockstep.yaml's {@code image.base}
   * @param wheels {@code --wheels DIR}
   * @param cacheRoot where the jlinked runtime and Jib's layer caches live
   * @param progress where progress goes (a terminal), or null for quiet
   */
  public record Request(Path jobDirectory, ImageTarget target, Optional<Path> base, Optional<Path> wheels, Path cacheRoot,
      PrintStream progress) {}

  /** What was built; also written to DIR/lockstep.image.json for `export`. */
  public record ImageRecord(String image, String digest, String imageId, String base, Map<String, String> inputs,
      Map<String, String> labels) {}

  public record Result(ImageRecord record, Path recordFile, List<ImageLayers.Layer> layers) {}

  public Result build(Request request) throws PackagingException {
    Path job = request.jobDirectory();
    JobSpec spec = JobSpecs.load(job);
    LockFile lock = JobLocker.read(job);
    String jobSha256;
    try {
      jobSha256 = JobHash.of(job);
    } catch (IOException e) {
      throw PackagingException.failure("cannot hash the job's files: " + e.getMessage());
    }
    if (!jobSha256.equals(lock.job().sha256())) {
      throw PackagingException.usage(job.resolve(LockFile.FILE_NAME) + " was made for another version of the job (job hash "
          + Sha256.abbreviate(lock.job().sha256(), 12) + ", now " + Sha256.abbreviate(jobSha256, 12) + "): run `lockstep lock "
          + job + "` again");
    }
    if (!lock.blockers().isEmpty()) {
      throw PackagingException.failure(LockFile.FILE_NAME + " lists blockers; an image would not reproduce the run:\n  "
          + String.join("\n  ", lock.blockers()));
    }
    Path runtimeJar = job.resolve(RUNTIME_JAR);
    if (!Files.isRegularFile(runtimeJar)) {
      throw PackagingException.usage(runtimeJar + " not found: the job directory lacks the runtime lockstep extract puts there");
    }

    Optional<String> declaredBase = BaseImageSetting.read(job);
    Path baseTar;
    String baseName;
    if (request.base().isPresent()) {
      baseTar = request.base().get();
      baseName = null;
    } else if (declaredBase.isPresent()) {
      baseName = declaredBase.get();
      baseTar = pullBase(baseName, request);
    } else {
      throw PackagingException.usage("no base image: set image.base in " + job.resolve("lockstep.yaml")
          + " (REGISTRY/NAME@sha256:DIGEST) or pass --base tar:FILE (a docker-save tar)");
    }
    BaseImageContents contents = BaseImageContents.read(baseTar);
    checkPython(lock, contents, baseTar);

    Path scratch;
    try {
      Files.createDirectories(request.cacheRoot());
      scratch = Files.createTempDirectory(request.cacheRoot(), "build-");
    } catch (IOException e) {
      throw PackagingException.failure("cannot create a work folder in " + request.cacheRoot() + ": " + e.getMessage());
    }
    try {
      // With --wheels, what the base image does not hold at the locked version comes from the
      // wheelhouse, in a layer of its own; the union is then checked against the lock.
      Map<String, BaseImageContents.InstalledPackage> packages = new TreeMap<>(contents.packages());
      Path sitePackages = null;
      if (request.wheels().isPresent()) {
        List<String> needed = lock.packages().stream()
            .filter(p -> !p.version().equals(versionIn(contents.packages(), p.name())))
            .map(p -> p.name() + "==" + p.version())
            .toList();
        if (!needed.isEmpty()) {
          sitePackages = scratch.resolve("python");
          packages.putAll(WheelInstaller.install(Path.of(lock.python().interpreter()), request.wheels().get(), needed,
              sitePackages));
        }
      }
      checkPackages(lock, packages, request.wheels().isPresent()
          ? "the base image " + baseTar + " with --wheels " + request.wheels().get() : "the base image " + baseTar);

      Path javaHome = JavaRuntimeImage.forJar(runtimeJar, request.cacheRoot());
      List<FileEntriesLayer> layers = new ArrayList<>();
      layers.add(tree("java-runtime", javaHome, JAVA_HOME));
      layers.add(FileEntriesLayer.builder().setName("lockstep-runtime")
          .addEntry(runtimeJar, AbsoluteUnixPath.get(JOB + "/" + RUNTIME_JAR), FilePermissions.DEFAULT_FILE_PERMISSIONS).build());
      if (sitePackages != null) {
        layers.add(tree("python-packages", sitePackages, PYTHON_PACKAGES));
      }
      layers.add(tree("pipeline", job.resolve("pipeline"), JOB + "/pipeline"));
      FileEntriesLayer.Builder config = FileEntriesLayer.builder().setName("config");
      for (String name : CONFIG_FILES) {
        if (Files.isRegularFile(job.resolve(name))) {
          config.addEntry(job.resolve(name), AbsoluteUnixPath.get(JOB + "/" + name), FilePermissions.DEFAULT_FILE_PERMISSIONS);
        }
      }
      layers.add(config.build());

      Map<String, String> inputs = containerInputs(spec);
      Map<String, String> labels = labels(spec, lock, job, baseName, contents, inputs);
      Map<String, String> environment = new TreeMap<>();
      environment.put("LANG", "C.UTF-8");
      environment.put("JAVA_HOME", JAVA_HOME);
      if (sitePackages != null) {
        environment.put("PYTHONPATH", PYTHON_PACKAGES);
      }
      JibContainerBuilder builder = Jib.from(TarImage.at(baseTar))
          .setFileEntriesLayers(layers)
          .setEntrypoint(JAVA_HOME + "/bin/java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JOB + "/" + RUNTIME_JAR)
          .setProgramArguments("run", JOB, "--python", PYTHON_IN_IMAGE)
          .setWorkingDirectory(AbsoluteUnixPath.get(JOB))
          .setEnvironment(environment)
          .setLabels(labels)
          .setCreationTime(Instant.EPOCH)
          .setFormat(ImageFormat.Docker);
      Containerizer containerizer = containerizer(request.target(), request);
      JibContainer container = builder.containerize(containerizer);
      if (request.progress() != null) {
        request.progress().print("\r");
      }
      String image = request.target() instanceof ImageTarget.Tar tar ? "tar:" + tar.file()
          : ((ImageTarget.Registry) request.target()).reference();
      ImageRecord record = new ImageRecord(image, container.getDigest().toString(), container.getImageId().toString(),
          baseName != null ? baseName : "tar:" + baseTar.getFileName() + " (" + contents.configDigest() + ")", inputs, labels);
      Path recordFile = job.resolve(IMAGE_RECORD);
      AtomicFiles.write(recordFile, CanonicalJson.write(record));
      List<ImageLayers.Layer> built = request.target() instanceof ImageTarget.Tar tar ? ImageLayers.read(tar.file()) : List.of();
      return new Result(record, recordFile, built);
    } catch (IOException | ExecutionException | RuntimeException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw PackagingException.failure("image build failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw PackagingException.failure("image build interrupted");
    } catch (com.google.cloud.tools.jib.api.RegistryException | com.google.cloud.tools.jib.api.CacheDirectoryCreationException e) {
      throw PackagingException.failure("image build failed: " + e.getMessage(), e);
    } finally {
      try {
        JavaRuntimeImage.deleteRecursively(scratch);
      } catch (IOException e) {
        // a leftover work folder under the cache is harmless
      }
    }
  }

  /** Where each input is read inside the container: the declared path resolved from /job, so its hash is checked there. */
  static Map<String, String> containerInputs(JobSpec spec) {
    Map<String, String> inputs = new TreeMap<>();
    for (InputSpec input : spec.inputs().values()) {
      inputs.put(input.name(), java.nio.file.Path.of(input.path()).isAbsolute() ? input.path()
          : Path.of(JOB).resolve(input.path()).normalize().toString());
    }
    return inputs;
  }

  private static Map<String, String> labels(JobSpec spec, LockFile lock, Path job, String baseName, BaseImageContents contents,
      Map<String, String> inputs) throws IOException {
    Map<String, String> labels = new TreeMap<>();
    String notebook = spec.source().map(s -> s.notebook()).orElse(job.getFileName().toString());
    labels.put("org.opencontainers.image.title", notebook);
    labels.put("org.opencontainers.image.description", "Lockstep job extracted from " + notebook
        + ": runs pipeline/main.py under the Lockstep runtime (inputs checked by sha256, outputs hashed, provenance written)");
    if (baseName != null) {
      int at = baseName.indexOf('@');
      labels.put("org.opencontainers.image.base.name", baseName.substring(0, at));
      labels.put("org.opencontainers.image.base.digest", baseName.substring(at + 1));
    } else {
      labels.put("dev.lockstep.base.image-id", String.valueOf(contents.configDigest()));
    }
    labels.put("dev.lockstep.job.sha256", lock.job().sha256());
    labels.put("dev.lockstep.lock.sha256", Sha256.ofFile(job.resolve(LockFile.FILE_NAME)).sha256());
    spec.source().ifPresent(source -> labels.put("dev.lockstep.notebook.sha256", source.sha256()));
    labels.put("dev.lockstep.python.requirements", String.join(" ", lock.requirements()));
    inputs.forEach((name, path) -> labels.put("dev.lockstep.input." + name, path));
    StringBuilder reproduce = new StringBuilder("podman run --rm --network none");
    inputs.forEach((name, path) -> reproduce.append(" -v ").append("<").append(name).append(">:").append(path).append(":ro"));
    reproduce.append(" -v <runs>:").append(JOB).append("/runs IMAGE");
    labels.put("dev.lockstep.reproduce", reproduce.toString());
    return labels;
  }

  private static void checkPython(LockFile lock, BaseImageContents contents, Path baseTar) throws PackagingException {
    if (!contents.hasPython3()) {
      throw PackagingException.usage("the base image " + baseTar + " has no " + PYTHON_IN_IMAGE + ": the job needs Python "
          + lock.python().version());
    }
    String[] parts = lock.python().version().split("\\.");
    String minor = parts.length >= 2 ? parts[0] + "." + parts[1] : lock.python().version();
    if (!contents.pythonVersions().isEmpty() && !contents.pythonVersions().contains(minor)) {
      throw PackagingException.usage("the base image " + baseTar + " has Python " + String.join(", ", contents.pythonVersions())
          + " but the job was locked with Python " + lock.python().version() + " (" + lock.python().interpreter() + ")");
    }
  }

  /** Every locked distribution must be installed at exactly its locked version; each mismatch is named. */
  static void checkPackages(LockFile lock, Map<String, BaseImageContents.InstalledPackage> installed, String where)
      throws PackagingException {
    List<String> problems = new ArrayList<>();
    for (LockFile.Package pinned : lock.packages()) {
      BaseImageContents.InstalledPackage found = installed.get(BaseImageContents.normalize(pinned.name()));
      if (found == null) {
        problems.add(pinned.name() + " " + pinned.version() + ": not installed");
      } else if (!found.version().equals(pinned.version())) {
        problems.add(pinned.name() + ": locked " + pinned.version() + ", found " + found.version() + " (" + found.metadataPath() + ")");
      }
    }
    if (!problems.isEmpty()) {
      throw PackagingException.failure(where + " does not hold the locked Python packages:\n  " + String.join("\n  ", problems)
          + "\nuse a base image with these versions, or --wheels DIR with the locked wheels");
    }
  }

  private static String versionIn(Map<String, BaseImageContents.InstalledPackage> installed, String name) {
    BaseImageContents.InstalledPackage found = installed.get(BaseImageContents.normalize(name));
    return found == null ? null : found.version();
  }

  /** A folder as one layer: directories 755, files 755 when executable on disk, else 644. */
  private static FileEntriesLayer tree(String name, Path source, String target) throws IOException {
    FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.sorted().toList()) {
        String relative = source.relativize(path).toString().replace('\\', '/');
        String fileName = path.getFileName().toString();
        if (relative.contains("__pycache__") || fileName.endsWith(".pyc")) {
          continue;
        }
        AbsoluteUnixPath destination = relative.isEmpty() ? AbsoluteUnixPath.get(target) : AbsoluteUnixPath.get(target + "/" + relative);
        boolean directory = Files.isDirectory(path);
        boolean executable = directory || Files.getPosixFilePermissions(path).contains(PosixFilePermission.OWNER_EXECUTE);
        layer.addEntry(path, destination, FilePermissions.fromOctalString(executable ? "755" : "644"));
      }
    }
    return layer.build();
  }

  private Containerizer containerizer(ImageTarget target, Request request) throws PackagingException {
    Containerizer containerizer;
    try {
      if (target instanceof ImageTarget.Tar tar) {
        containerizer = Containerizer.to(TarImage.at(tar.file()).named("lockstep-job:latest"));
      } else {
        ImageReference reference = ImageReference.parse(((ImageTarget.Registry) target).reference());
        RegistryImage image = RegistryImage.named(reference)
            .addCredentialRetriever(CredentialRetrieverFactory.forImage(reference, event -> {}).dockerConfig());
        containerizer = Containerizer.to(image).setAllowInsecureRegistries(isLoopback(reference.getRegistry()));
      }
    } catch (InvalidImageReferenceException e) {
      throw PackagingException.usage("--to registry:" + e.getMessage() + ": not a valid image reference");
    }
    containerizer.setBaseImageLayersCache(request.cacheRoot().resolve("jib/base"))
        .setApplicationLayersCache(request.cacheRoot().resolve("jib/application"))
        .setToolName("lockstep");
    PrintStream progress = request.progress();
    if (progress != null) {
      double[] done = {0};
      int[] shown = {-1};
      containerizer.addEventHandler(ProgressEvent.class, event -> {
        synchronized (done) {
          done[0] += event.getAllocation().getFractionOfRoot() * event.getUnits();
          int percent = (int) Math.min(100, Math.floor(done[0] * 100));
          if (percent != shown[0]) {
            shown[0] = percent;
            progress.print(String.format(Locale.ROOT, "\rlockstep: building image %3d%%", percent));
            progress.flush();
          }
        }
      });
      containerizer.addEventHandler(LogEvent.class, event -> {
        if (event.getLevel() == LogEvent.Level.LIFECYCLE || event.getLevel() == LogEvent.Level.WARN) {
          progress.print("\r\033[K" + event.getMessage() + "\n");
        }
      });
    }
    return containerizer;
  }

  /** Pulls a registry base once into a docker-save tar in the cache: its layers are read for packages and reused. */
  private Path pullBase(String reference, Request request) throws PackagingException {
    Path tar = request.cacheRoot().resolve("base").resolve(reference.substring(reference.indexOf("@sha256:") + 8) + ".tar");
    if (Files.isRegularFile(tar)) {
      return tar;
    }
    try {
      Files.createDirectories(tar.getParent());
      Path partial = tar.resolveSibling(tar.getFileName() + ".part");
      ImageReference parsed = ImageReference.parse(reference);
      RegistryImage from = RegistryImage.named(parsed)
          .addCredentialRetriever(CredentialRetrieverFactory.forImage(parsed, event -> {}).dockerConfig());
      Jib.from(from).setCreationTime(Instant.EPOCH)
          .containerize(Containerizer.to(TarImage.at(partial).named(parsed.getRegistry() + "/" + parsed.getRepository() + ":base"))
              .setAllowInsecureRegistries(isLoopback(parsed.getRegistry()))
              .setBaseImageLayersCache(request.cacheRoot().resolve("jib/base"))
              .setApplicationLayersCache(request.cacheRoot().resolve("jib/application")));
      Files.move(partial, tar, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return tar;
    } catch (InvalidImageReferenceException e) {
      throw PackagingException.usage("image.base: " + reference + " is not a valid image reference");
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw PackagingException.failure("cannot pull the base image " + reference + ": " + e.getMessage(), e);
    }
  }

  private static boolean isLoopback(String registry) {
    String host = registry.contains(":") ? registry.substring(0, registry.lastIndexOf(':')) : registry;
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
  }

  /** For the CLI: the default cache, ~/.cache/lockstep (XDG_CACHE_HOME honoured). */
  public static Path defaultCache(Map<String, String> environment) {
    String xdg = environment.get("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("lockstep");
  }

}
