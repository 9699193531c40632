package dev.lockstep.packaging.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lockstep.packaging.PackagingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobLockerTest {

  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final String COMMIT = "1c4513b2eedbda136f57676a34eea67aba266e5c";

  private static final String MAIN = """
      import numpy
      from transformers import AutoModel, AutoTokenizer
      from datasets import load_dataset
      model = AutoModel.from_pretrained("org/tiny-model")  # "org/tiny-model" in a comment stays
      tok = AutoTokenizer.from_pretrained(
          'org/tok',
          revision="v2",
      )
      data = load_dataset(path="imdb", split=("train"),)
      print("org/tiny-model")
      """;

  @TempDir Path job;
  @TempDir Path cache;

  @BeforeEach
  void job() throws IOException {
    assumeTrue(Files.isExecutable(PYTHON), "lock tests ask Debian's /usr/bin/python3 (scripts/ensure-test-packages.sh)");
    Files.writeString(job.resolve("lockstep.yaml"), """
        version: 1
        seed: 7
        params: {epochs: 3}
        inputs:
          data: {path: data.csv, sha256: "3f2a000000000000000000000000000000000000000000000000000000000000"}
        outputs:
          model: {path: out/model.npy, compare: bytes}
        hardware: {accelerator: cuda, count: 2}
        python:
          imports: [helpers, json, numpy, no_such_module_xyz]
        image: {base: "registry.example/python@sha256:0000000000000000000000000000000000000000000000000000000000000001"}
        """);
    Files.createDirectories(job.resolve("pipeline"));
    Files.writeString(job.resolve("pipeline/main.py"), MAIN);
    Files.writeString(job.resolve("pipeline/helpers.py"), "X = 1\n");
    // What extract writes: every Hub load of the kept cells, from the analyzer's facts; the blockers' messages are not read.
    Files.writeString(job.resolve("extraction.json"), """
        {"hub": [
          {"id": "gpt2", "kind": "model", "repository": "model", "revision": "%s", "revision_kind": "full_commit", "pinned": true, "trust_remote_code": false, "cell": 2, "line": 1},
          {"id": "imdb", "kind": "dataset", "repository": "dataset", "revision": null, "revision_kind": "missing", "pinned": false, "trust_remote_code": false, "cell": 5, "line": 1},
          {"id": "org/computed", "kind": "model", "repository": "model", "revision": null, "revision_kind": "unknown", "pinned": false, "trust_remote_code": false, "cell": 2, "line": 2},
          {"id": "org/tiny-model", "kind": "model", "repository": "model", "revision": null, "revision_kind": "missing", "pinned": false, "trust_remote_code": false, "cell": 3, "line": 1},
          {"id": "org/tok", "kind": "model", "repository": "model", "revision": "v2", "revision_kind": "tag", "pinned": false, "trust_remote_code": false, "cell": 6, "line": 1},
          {"id": "org/tok", "kind": "tokenizer", "repository": "model", "revision": "v2", "revision_kind": "tag", "pinned": false, "trust_remote_code": false, "cell": 4, "line": 1}
        ],
        "blockers": [
          {"rule": "LS403", "cell": 6, "line": 1, "message": "Kaggle dataset 'a/b' names no version: the ..."},
          {"rule": "LS402", "cell": 7, "line": 1, "message": "model 'org/from-a-message' has no revision=: not read"}
        ]}
        """.formatted(COMMIT));
    Path refs = Files.createDirectories(cache.resolve("models--org--tiny-model/refs"));
    Files.writeString(refs.resolve("main"), COMMIT + "\n");
  }

  private JobLocker.Result lock(Map<String, String> revisions) throws PackagingException {
    return new JobLocker().lock(new JobLocker.Request(job, Optional.of(PYTHON), new HfCache(cache), revisions, System.getenv()));
  }

  @Test
  void pinsWhatTheInterpreterHasAndResolvesRevisionsFromTheCache() throws Exception {
    LockFile lock = lock(Map.of()).lock();

    String numpy = ask("import importlib.metadata as m; print(m.version('numpy'))");
    assertThat(lock.requirements()).containsExactly("numpy==" + numpy);
    assertThat(lock.packages()).singleElement().satisfies(p -> assertThat(p.imports()).containsExactly("numpy"));
    assertThat(lock.python().version()).isEqualTo(ask("import platform; print(platform.python_version())"));
    assertThat(lock.imports().stdlib()).containsExactly("json");
    assertThat(lock.imports().local()).containsExactly("helpers");
    assertThat(lock.imports().unresolved()).singleElement()
        .satisfies(u -> assertThat(u.module()).isEqualTo("no_such_module_xyz"));

    assertThat(lock.hub()).containsExactly(
        new LockFile.HubPin("dataset", "imdb", "main", null, null),
        new LockFile.HubPin("model", "org/tiny-model", "main", COMMIT, "hf-cache"),
        new LockFile.HubPin("model", "org/tok", "v2", null, null));
    assertThat(lock.blockers()).hasSize(3)
        .anySatisfy(b -> assertThat(b).contains("no_such_module_xyz"))
        .anySatisfy(b -> assertThat(b).contains("'org/tok' at 'v2'"))
        .anySatisfy(b -> assertThat(b).contains("'imdb'"));
    assertThat(lock.seed()).isEqualTo(7);
    assertThat(lock.params()).containsEntry("epochs", 3L);
    assertThat(lock.hardware()).isEqualTo(new LockFile.Hardware("cuda", 2));
    assertThat(lock.image().base()).endsWith("0001");
    assertThat(lock.inputs().get("data").sha256()).startsWith("3f2a");
    assertThat(lock.reproduce()).isEqualTo("java -jar lib/lockstep-runtime.jar run . --python /usr/bin/python3");
  }

  @Test
  void anExtractionJsonWithoutTheHubArrayAsksForExtractAgain() throws Exception {
    Files.writeString(job.resolve("extraction.json"), """
        {"blockers": [{"rule": "LS402", "cell": 3, "line": 1, "message": "model 'org/tiny-model' has no revision=: ..."}]}
        """);
    assertThatThrownBy(() -> lock(Map.of())).isInstanceOf(PackagingException.class)
        .hasMessageContaining("no \"hub\" array").hasMessageContaining("run lockstep extract again")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void lockingTwiceChangesNothing() throws Exception {
    JobLocker.Result first = lock(Map.of());
    byte[] bytes = Files.readAllBytes(first.file());
    JobLocker.Result second = lock(Map.of());
    assertThat(first.changed()).isTrue();
    assertThat(second.changed()).isFalse();
    assertThat(Files.readAllBytes(second.file())).isEqualTo(bytes);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain(job.toString()).doesNotContain(cache.toString());
  }

  @Test
  void revisionByHandPinsAndIsChecked() throws Exception {
    String sha = "a".repeat(40);
    LockFile lock = lock(Map.of("org/tok", sha, "imdb", "b".repeat(40))).lock();
    assertThat(lock.hub()).contains(new LockFile.HubPin("model", "org/tok", "v2", sha, "--revision"));
    assertThat(lock.blockers()).singleElement().satisfies(b -> assertThat(b).contains("no_such_module_xyz"));

    assertThatThrownBy(() -> lock(Map.of("org/tok", "v2"))).hasMessageContaining("40-character");
    assertThatThrownBy(() -> lock(Map.of("org/other", sha))).hasMessageContaining("loads no Hub repository named 'org/other'");
  }

  @Test
  void shortHashResolvesToTheOneMatchingSnapshot() throws Exception {
    Files.createDirectories(cache.resolve("models--org--tok/snapshots/" + COMMIT));
    HubReference reference = new HubReference("model", "org/tok", COMMIT.substring(0, 8));
    assertThat(new HfCache(cache).resolve(reference)).contains(COMMIT);
    assertThat(new HfCache(cache).resolve(new HubReference("model", "org/tok", "../../x"))).isEmpty();
  }

  @Test
  void writesTheResolvedRevisionIntoTheLoadCallsAndHashesTheEditedCode() throws Exception {
    LockFile first = lock(Map.of()).lock();
    String pinned = Files.readString(job.resolve("pipeline/main.py"));
    assertThat(pinned).isEqualTo(MAIN.replace("AutoModel.from_pretrained(\"org/tiny-model\")",
        "AutoModel.from_pretrained(\"org/tiny-model\", revision=\"" + COMMIT + "\")"));
    assertThat(first.job().sha256()).isEqualTo(dev.lockstep.runtime.hashing.JobHash.of(job));

    String sha = "a".repeat(40);
    String dataSha = "b".repeat(40);
    lock(Map.of("org/tok", sha, "imdb", dataSha));
    byte[] code = Files.readAllBytes(job.resolve("pipeline/main.py"));
    byte[] lockBytes = Files.readAllBytes(job.resolve(LockFile.FILE_NAME));
    assertThat(new String(code, StandardCharsets.UTF_8))
        .contains("'org/tok',\n    revision=\"" + sha + "\",\n)")
        .contains("load_dataset(path=\"imdb\", split=(\"train\"), revision=\"" + dataSha + "\",)")
        .contains("print(\"org/tiny-model\")\n")
        .containsOnlyOnce(COMMIT);

    JobLocker.Result again = lock(Map.of("org/tok", sha, "imdb", dataSha));
    assertThat(again.changed()).isFalse();
    assertThat(Files.readAllBytes(job.resolve("pipeline/main.py"))).isEqualTo(code);
    assertThat(Files.readAllBytes(job.resolve(LockFile.FILE_NAME))).isEqualTo(lockBytes);
  }

  @Test
  void aResolvedIdWithoutALiteralCallStaysABlocker() throws Exception {
    Files.writeString(job.resolve("pipeline/main.py"), "name = 'org/' + 'tiny-model'\nm = AutoModel.from_pretrained(name)\n");
    LockFile lock = lock(Map.of()).lock();
    assertThat(lock.blockers()).anySatisfy(b -> assertThat(b).contains("'org/tiny-model' resolved to " + COMMIT));
    assertThat(Files.readString(job.resolve("pipeline/main.py"))).doesNotContain("revision");
  }

  @Test
  void aCallAlreadyAtTheCommitIsUntouchedAndAnotherCommitIsReported() {
    String at = "m = AutoModel.from_pretrained( 'org/m' ,revision = '" + COMMIT + "' )\n";
    RevisionPinner.Outcome same = RevisionPinner.pin(at, Map.of("org/m", COMMIT), "main.py");
    assertThat(same.source()).isEqualTo(at);
    assertThat(same.named()).containsExactly("org/m");
    RevisionPinner.Outcome other = RevisionPinner.pin(at, Map.of("org/m", "c".repeat(40)), "main.py");
    assertThat(other.source()).isEqualTo(at);
    assertThat(other.problems()).singleElement().satisfies(p -> assertThat(p).contains("pinned to " + COMMIT));
    RevisionPinner.Outcome expression = RevisionPinner.pin("hf_hub_download(repo_id='org/m', filename='w.bin', revision=REV)\n", Map.of("org/m", COMMIT), "main.py");
    assertThat(expression.named()).containsExactly("org/m");
    assertThat(expression.problems()).singleElement().satisfies(p -> assertThat(p).contains("as an expression"));
  }

  private static String ask(String code) throws Exception {
    Process process = new ProcessBuilder(PYTHON.toString(), "-c", code).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out;
  }
}
