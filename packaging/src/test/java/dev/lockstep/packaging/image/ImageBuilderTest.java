package dev.lockstep.packaging.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lockstep.packaging.PackagingException;
import dev.lockstep.packaging.lock.HfCache;
import dev.lockstep.packaging.lock.JobLocker;
import dev.lockstep.packaging.provenance.ProvenanceTest;
import dev.lockstep.runtime.record.CanonicalJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds real images with Jib from small docker-save bases made here; no container engine needed. */
class ImageBuilderTest {

  private static final Path PYTHON = Path.of("/usr/bin/python3");

  @TempDir Path temp;

  private static Map<String, String> debianLike(String numpyVersion) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("usr", null);
    files.put("usr/bin", null);
    files.put("usr/bin/python3.11", "#!fake python\n");
    files.put("usr/bin/python3", "->python3.11");
    files.put("usr/lib/python3.11", null);
    files.put("usr/lib/python3/dist-packages/numpy-" + numpyVersion + ".egg-info/PKG-INFO", TestImages.pkgInfo("numpy", numpyVersion));
    files.put("usr/lib/python3/dist-packages/six-1.16.0.dist-info/METADATA", TestImages.pkgInfo("six", "1.16.0"));
    return files;
  }

  private Path lockedJob() throws Exception {
    assumeTrue(Files.isExecutable(PYTHON), "needs Debian's /usr/bin/python3 with numpy (scripts/ensure-test-packages.sh)");
    Path job = ProvenanceTest.job(temp.resolve("job"));
    Path jar = Path.of(System.getProperty("lockstep.repo.root", "..")).resolve("runtime/target/lockstep-runtime-0.1.0-standalone.jar");
    assumeTrue(Files.isRegularFile(jar), "needs the runtime's standalone jar (mvn package -pl runtime)");
    Files.createDirectories(job.resolve("lib"));
    Files.copy(jar, job.resolve("lib/lockstep-runtime.jar"));
    new JobLocker().lock(new JobLocker.Request(job, Optional.of(PYTHON), new HfCache(temp.resolve("hf")), Map.of(), System.getenv()));
    return job;
  }

  private String numpyVersion(Path job) throws IOException {
    return CanonicalJson.mapper().readTree(job.resolve("lockstep.lock").toFile()).at("/packages/0/version").asText();
  }

  @Test
  void readsInstalledPackagesAcrossLayersWithWhiteouts() throws Exception {
    Map<String, String> upper = new LinkedHashMap<>();
    upper.put("usr/lib/python3/dist-packages/.wh.six-1.16.0.dist-info", "");
    upper.put("usr/local/lib/python3.11/site-packages/Torch_Thing-2.0.dist-info/METADATA", TestImages.pkgInfo("Torch_Thing", "2.0"));
    Path tar = TestImages.dockerSave(temp.resolve("base.tar"), List.of(debianLike("1.24.2"), upper));

    BaseImageContents contents = BaseImageContents.read(tar);

    assertThat(contents.packages()).containsOnlyKeys("numpy", "torch-thing");
    assertThat(contents.packages().get("numpy").version()).isEqualTo("1.24.2");
    assertThat(contents.packages().get("torch-thing").name()).isEqualTo("Torch_Thing");
    assertThat(contents.pythonVersions()).containsExactly("3.11");
    assertThat(contents.hasPython3()).isTrue();
    assertThat(contents.repoTags()).containsExactly("test/base:1");
    assertThat(contents.configDigest()).startsWith("sha256:");
  }

  @Test
  void sameJobBuildsToTheSameDigestWithFreshCachesAndRefusesAMismatchedBase() throws Exception {
    Path job = lockedJob();
    Path base = TestImages.dockerSave(temp.resolve("base.tar"), List.of(debianLike(numpyVersion(job))));

    ImageBuilder.Result first = new ImageBuilder().build(new ImageBuilder.Request(job, new ImageTarget.Tar(temp.resolve("a.tar")),
        Optional.of(base), Optional.empty(), temp.resolve("cache-a"), null));
    ImageBuilder.Result second = new ImageBuilder().build(new ImageBuilder.Request(job, new ImageTarget.Tar(temp.resolve("b.tar")),
        Optional.of(base), Optional.empty(), temp.resolve("cache-b"), null));

    assertThat(second.layers()).isEqualTo(first.layers());
    assertThat(second.record().digest()).startsWith("sha256:").isEqualTo(first.record().digest());
    assertThat(Files.readAllBytes(temp.resolve("b.tar"))).isEqualTo(Files.readAllBytes(temp.resolve("a.tar")));
    // base layer, then java runtime, runtime jar, pipeline, config: most stable first
    assertThat(first.layers()).hasSize(5);
    assertThat(first.record().labels())
        .containsKeys("org.opencontainers.image.title", "dev.lockstep.lock.sha256", "dev.lockstep.reproduce")
        .containsEntry("dev.lockstep.input.data", "/job/data.csv");
    JsonNode record = CanonicalJson.mapper().readTree(job.resolve("lockstep.image.json").toFile());
    assertThat(record.get("digest").asText()).isEqualTo(first.record().digest());

    Path wrong = TestImages.dockerSave(temp.resolve("wrong.tar"), List.of(debianLike("1.26.0")));
    assertThatThrownBy(() -> new ImageBuilder().build(new ImageBuilder.Request(job, new ImageTarget.Tar(temp.resolve("c.tar")),
        Optional.of(wrong), Optional.empty(), temp.resolve("cache-a"), null)))
        .isInstanceOf(PackagingException.class)
        .hasMessageContaining("numpy: locked " + numpyVersion(job) + ", found 1.26.0");
    assertThat(temp.resolve("c.tar")).doesNotExist();
  }

  @Test
  void aStaleLockOrNoBaseIsRefused() throws Exception {
    Path job = lockedJob();
    assertThatThrownBy(() -> new ImageBuilder().build(new ImageBuilder.Request(job, new ImageTarget.Tar(temp.resolve("x.tar")),
        Optional.empty(), Optional.empty(), temp.resolve("cache"), null)))
        .hasMessageContaining("no base image");
    Files.writeString(job.resolve("pipeline/main.py"), "\n# changed\n", java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> new ImageBuilder().build(new ImageBuilder.Request(job, new ImageTarget.Tar(temp.resolve("x.tar")),
        Optional.of(temp.resolve("none.tar")), Optional.empty(), temp.resolve("cache"), null)))
        .hasMessageContaining("run `lockstep lock");
  }

  @Test
  void wheelsFillWhatTheBaseLacksInALayerOfTheirOwn() throws Exception {
    Path job = ProvenanceTest.job(temp.resolve("job"));
    Process pip = new ProcessBuilder(PYTHON.toString(), "-m", "pip", "--version").redirectErrorStream(true).start();
    pip.getInputStream().readAllBytes();
    assumeTrue(pip.waitFor() == 0, "needs pip for /usr/bin/python3 (Debian python3-pip)");
    Files.writeString(job.resolve("lockstep.yaml"), Files.readString(job.resolve("lockstep.yaml"))
        .replace("imports: [json, numpy]", "imports: [json, numpy, tinypkg]"));
    Path jar = Path.of(System.getProperty("lockstep.repo.root", "..")).resolve("runtime/target/lockstep-runtime-0.1.0-standalone.jar");
    assumeTrue(Files.isRegularFile(jar), "needs the runtime's standalone jar (mvn package -pl runtime)");
    Files.createDirectories(job.resolve("lib"));
    Files.copy(jar, job.resolve("lib/lockstep-runtime.jar"));
    Map<String, String> files = new LinkedHashMap<>();
    files.put("tinypkg/__init__.py", "VALUE = 42\n");
    files.put("tinypkg-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: tinypkg\nVersion: 1.0\n\n");
    files.put("tinypkg-1.0.dist-info/top_level.txt", "tinypkg\n");
    files.put("tinypkg-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\nGenerator: lockstep-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n\n");
    Path wheels = Files.createDirectories(temp.resolve("wheels"));
    TestImages.wheel(wheels.resolve("tinypkg-1.0-py3-none-any.whl"), files);
    Path site = temp.resolve("site"); // where the lock's interpreter finds tinypkg, as a developer's venv would
    for (Map.Entry<String, String> file : files.entrySet()) {
      Files.createDirectories(site.resolve(file.getKey()).getParent());
      Files.writeString(site.resolve(file.getKey()), file.getValue());
    }
    Map<String, String> environment = new java.util.HashMap<>(System.getenv());
    environment.put("PYTHONPATH", site.toString());
    new JobLocker().lock(new JobLocker.Request(job, Optional.of(PYTHON), new HfCache(temp.resolve("hf")), Map.of(), environment));
    Path base = TestImages.dockerSave(temp.resolve("base.tar"), List.of(debianLike(numpyVersion(job))));

    assertThatThrownBy(() -> new ImageBuilder().build(new ImageBuilder.Request(job, new ImageTarget.Tar(temp.resolve("x.tar")),
        Optional.of(base), Optional.empty(), temp.resolve("cache"), null)))
        .hasMessageContaining("tinypkg 1.0: not installed");
    ImageBuilder.Result built = new ImageBuilder().build(new ImageBuilder.Request(job, new ImageTarget.Tar(temp.resolve("w.tar")),
        Optional.of(base), Optional.of(wheels), temp.resolve("cache"), null));

    assertThat(built.layers()).hasSize(6); // base, java, runtime, python-packages, pipeline, config
    BaseImageContents image = BaseImageContents.read(temp.resolve("w.tar"));
    assertThat(image.packages().get("tinypkg").metadataPath()).isEqualTo("/opt/lockstep/python/tinypkg-1.0.dist-info/METADATA");
    assertThat(image.packages().get("numpy").version()).isEqualTo(numpyVersion(job)); // from the base, not the wheelhouse
  }
}
