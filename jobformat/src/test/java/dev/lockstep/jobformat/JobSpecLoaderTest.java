package dev.lockstep.jobformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobSpecLoaderTest {

  private static final String SHA = "3f2a".repeat(16);

  private static final String VALID = String.join("\n",
      "version: 1",
      "source: {notebook: adapter.ipynb, sha256: " + "9C1E".repeat(16) + "}",
      "seed: 0",
      "params:",
      "  learning_rate: 0.003",
      "  epochs: 5",
      "  use_amp: false",
      "  model: \"gpt2\"",
      "inputs:",
      "  train_data: {path: data/train.csv, sha256: " + SHA + "}",
      "  extra: {path: /abs/extra.bin, sha256: ~}",
      "outputs:",
      "  adapter: {path: out/adapter.pt, compare: bytes}",
      "  metrics: {path: ./out/../out/metrics.json, compare: {atol: 1.0e-6}}",
      "  weights: {path: out/w.safetensors, compare: {rtol: 1}}",
      "  log: {path: out/log.txt}",
      "environment: {PYTHONHASHSEED: \"0\", CUBLAS_WORKSPACE_CONFIG: \":4096:8\"}",
      "secrets: [HF_TOKEN]",
      "hardware: {accelerator: cuda, count: 2}",
      "python:",
      "  imports: [numpy, pandas, torch, os.path]",
      "");

  private final JobSpecLoader loader = new JobSpecLoader();

  @Test
  void readsEveryFieldOfAValidSpec() throws Exception {
    JobSpec spec = loader.parse(VALID);

    assertThat(spec.version()).isEqualTo(1);
    assertThat(spec.source()).contains(new SourceSpec("adapter.ipynb", "9c1e".repeat(16)));
    assertThat(spec.seed()).isZero();
    assertThat(spec.params()).containsExactly(
        Map.entry("epochs", new ParamValue(ParamType.INT, 5L)),
        Map.entry("learning_rate", new ParamValue(ParamType.FLOAT, 0.003)),
        Map.entry("model", new ParamValue(ParamType.STRING, "gpt2")),
        Map.entry("use_amp", new ParamValue(ParamType.BOOL, false)));
    assertThat(spec.inputs().get("train_data").sha256()).contains(SHA);
    assertThat(spec.inputs().get("extra").sha256()).isEmpty();
    assertThat(spec.outputs().get("adapter").compare()).isEqualTo(new ComparePolicy.Bytes());
    assertThat(spec.outputs().get("metrics").path()).isEqualTo("out/metrics.json");
    assertThat(spec.outputs().get("metrics").compare()).isEqualTo(new ComparePolicy.Tolerance(1e-6, 0));
    assertThat(spec.outputs().get("weights").compare()).isEqualTo(new ComparePolicy.Tolerance(0, 1));
    assertThat(spec.outputs().get("log").compare()).isEqualTo(new ComparePolicy.Bytes());
    assertThat(spec.environment()).containsEntry("CUBLAS_WORKSPACE_CONFIG", ":4096:8");
    assertThat(spec.secrets()).containsExactly("HF_TOKEN");
    assertThat(spec.hardware()).contains(new HardwareSpec(HardwareSpec.Accelerator.CUDA, 2));
    assertThat(spec.pythonImports()).containsExactly("numpy", "pandas", "torch", "os.path");
  }

  @Test
  void readsFolderInputsAndOutputsAndTheLogPolicy() throws Exception {
    JobSpec spec = loader.parse("version: 1\nseed: 0\n"
        + "inputs:\n  sensors: {path: data/sensors, kind: folder, sha256: ~}\n  table: {path: t.csv, sha256: ~}\n"
        + "outputs:\n  model: {path: out/model, kind: folder, compare: {atol: 1.0e-6}}\n  log_file: {path: out/x.txt}\n"
        + "log: {must_match: true}\n");

    assertThat(spec.inputs().get("sensors").kind()).contains(PathKind.FOLDER);
    assertThat(spec.inputs().get("table").kind()).isEmpty();
    assertThat(spec.outputs().get("model").isFolder()).isTrue();
    assertThat(spec.outputs().get("model").compare()).isEqualTo(new ComparePolicy.Tolerance(1e-6, 0));
    assertThat(spec.outputs().get("log_file").kind()).isEqualTo(PathKind.FILE);
    assertThat(spec.log().mustMatch()).isTrue();
    assertThat(loader.parse("version: 1\nseed: 0\n").log()).isEqualTo(LogSpec.DEFAULT);
    assertThatThrownBy(() -> loader.parse("version: 1\nseed: 0\noutputs:\n  m: {path: m, kind: dir}\n"))
        .hasMessage("lockstep.yaml:4: outputs.m.kind: expected file or folder, got \"dir\"");
    assertThatThrownBy(() -> loader.parse("version: 1\nseed: 0\nlog: {must_match: yes please}\n"))
        .hasMessageStartingWith("lockstep.yaml:3: log.must_match: expected true or false");
  }

  @Test
  void onlyVersionAndSeedAreRequired() throws Exception {
    JobSpec spec = loader.parse("version: 1\nseed: 42\n");

    assertThat(spec.seed()).isEqualTo(42);
    assertThat(spec.params()).isEmpty();
    assertThat(spec.source()).isEmpty();
    assertThat(spec.hardware()).isEmpty();
  }

  /** Each case: a YAML body and the exact first problem line it must produce. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      seed not a number       | version: 1\\nseed: five\\n                                          | lockstep.yaml:2: seed: expected an integer, got "five"
      seed negative           | version: 1\\nseed: -1\\n                                            | lockstep.yaml:2: seed: must be between 0 and 4294967295 (numpy's seed range), got -1
      version missing         | seed: 0\\n                                                          | lockstep.yaml:1: version: required key is missing
      version unsupported     | version: 2\\nseed: 0\\n                                             | lockstep.yaml:1: version: unsupported version 2; this runtime reads version 1
      unknown top-level key   | version: 1\\nseed: 0\\nparms: {}\\n                                 | lockstep.yaml:3: parms: unknown key; did you mean "params"? expected one of: version, source, seed, params, inputs, outputs, environment, secrets, hardware, python, log, image
      unknown nested key      | version: 1\\nseed: 0\\ninputs:\\n  d: {path: a, sah256: ~}\\n       | lockstep.yaml:4: inputs.d.sah256: unknown key; did you mean "sha256"? expected one of: path, kind, sha256
      duplicate key           | version: 1\\nseed: 0\\nseed: 1\\n                                   | lockstep.yaml:3: seed: duplicate key (YAML would silently keep only the last one)
      param null              | version: 1\\nseed: 0\\nparams:\\n  lr: ~\\n                         | lockstep.yaml:4: params.lr: expected a scalar (integer, float, boolean or string), got null
      param list              | version: 1\\nseed: 0\\nparams:\\n  sizes: [1, 2]\\n                 | lockstep.yaml:4: params.sizes: expected a scalar (integer, float, boolean or string), got a list
      param name              | version: 1\\nseed: 0\\nparams:\\n  2lr: 1\\n                        | lockstep.yaml:4: params.2lr: "2lr" is not a Python identifier
      param infinite          | version: 1\\nseed: 0\\nparams:\\n  lr: .inf\\n                      | lockstep.yaml:4: params.lr: expected a finite float, got .inf
      bad sha256              | version: 1\\nseed: 0\\ninputs:\\n  d: {path: a, sha256: abc}\\n     | lockstep.yaml:4: inputs.d.sha256: expected a sha256 (64 hex digits) or ~, got "abc"
      sha256 key missing      | version: 1\\nseed: 0\\ninputs:\\n  d: {path: a}\\n                  | lockstep.yaml:4: inputs.d.sha256: required key is missing (write "sha256: ~" for an input bound at run time with --input d=PATH)
      input path empty        | version: 1\\nseed: 0\\ninputs:\\n  d: {path: '', sha256: ~}\\n      | lockstep.yaml:4: inputs.d.path: must not be empty
      output absolute         | version: 1\\nseed: 0\\noutputs:\\n  o: {path: /tmp/o.bin}\\n         | lockstep.yaml:4: outputs.o.path: must be relative (outputs are written under runs/<run-id>/), got /tmp/o.bin
      output escapes          | version: 1\\nseed: 0\\noutputs:\\n  o: {path: out/../../o.bin}\\n    | lockstep.yaml:4: outputs.o.path: must stay inside the run directory, got out/../../o.bin
      output is a run file    | version: 1\\nseed: 0\\noutputs:\\n  o: {path: record.json}\\n        | lockstep.yaml:4: outputs.o.path: record.json is written by the runtime itself; choose another path
      compare unknown word    | version: 1\\nseed: 0\\noutputs:\\n  o: {path: o.npy, compare: exact}\\n | lockstep.yaml:4: outputs.o.compare: expected "bytes" or {atol, rtol}, got "exact"
      compare empty           | version: 1\\nseed: 0\\noutputs:\\n  o: {path: o.npy, compare: {}}\\n | lockstep.yaml:4: outputs.o.compare: give atol, rtol or both (an omitted one is 0)
      negative atol           | version: 1\\nseed: 0\\noutputs:\\n  o: {path: o.npy, compare: {atol: -1}}\\n | lockstep.yaml:4: outputs.o.compare.atol: must be >= 0, got -1.0
      atol as text            | version: 1\\nseed: 0\\noutputs:\\n  o: {path: o.npy, compare: {atol: small}}\\n | lockstep.yaml:4: outputs.o.compare.atol: expected a number, got "small"
      tolerance on a .pt      | version: 1\\nseed: 0\\noutputs:\\n  o: {path: o.pt, compare: {atol: 1}}\\n | lockstep.yaml:4: outputs.o.compare: a tolerance needs a .npy, .npz, .safetensors, .json file, got o.pt; use compare: bytes
      environment number      | version: 1\\nseed: 0\\nenvironment: {PYTHONHASHSEED: 0}\\n         | lockstep.yaml:3: environment.PYTHONHASHSEED: expected a string, got 0 (quote it: "0")
      hash seed out of range  | version: 1\\nseed: 0\\nenvironment: {PYTHONHASHSEED: "-3"}\\n      | lockstep.yaml:3: environment.PYTHONHASHSEED: must be "random" or an integer from 0 to 4294967295 (Python's rule), got "-3"
      environment config var  | version: 1\\nseed: 0\\nenvironment: {LOCKSTEP_CONFIG: x}\\n        | lockstep.yaml:3: environment.LOCKSTEP_CONFIG: is set by the runtime to the run's config.json; remove it
      secret in environment   | version: 1\\nseed: 0\\nenvironment: {TOKEN: x}\\nsecrets: [TOKEN]\\n | lockstep.yaml:4: secrets: TOKEN is also in environment; a secret's value must come from the caller only
      secret listed twice     | version: 1\\nseed: 0\\nsecrets: [A, A]\\n                          | lockstep.yaml:3: secrets: A is listed twice
      secret bad name         | version: 1\\nseed: 0\\nsecrets: [hf-token]\\n                       | lockstep.yaml:3: secrets: "hf-token" is not an environment variable name
      accelerator unknown     | version: 1\\nseed: 0\\nhardware: {accelerator: tpu, count: 1}\\n   | lockstep.yaml:3: hardware.accelerator: expected cpu or cuda, got "tpu"
      cpu with a count        | version: 1\\nseed: 0\\nhardware: {accelerator: cpu, count: 4}\\n   | lockstep.yaml:3: hardware.count: must be 0 when the accelerator is cpu, got 4
      imports not a list      | version: 1\\nseed: 0\\npython: {imports: numpy}\\n                 | lockstep.yaml:3: python.imports: expected a list, got "numpy"
      top level is a list     | [1, 2]\\n                                                            | lockstep.yaml:1: expected a mapping, got a list
      empty file              | ''                                                                 | lockstep.yaml:1: the file is empty
      broken YAML             | version: 1\\nseed: [0\\nparams: {}\\n                              | lockstep.yaml:3: invalid YAML: expected ',' or ']', but got :
      """)
  void reportsTheKeyAndLineOfEachProblem(String name, String yaml, String expectedProblem) {
    assertThatThrownBy(() -> loader.parse(yaml.replace("\\n", "\n")))
        .isInstanceOfSatisfying(InvalidJobSpecException.class, e -> {
          assertThat(e.problems().get(0).toString()).isEqualTo(expectedProblem);
        });
  }

  @Test
  void reportsEveryProblemAtOnceInLineOrder() {
    String yaml = String.join("\n",
        "version: 1",
        "seed: x",
        "params:",
        "  epochs: [5]",
        "outputs:",
        "  o: {path: /abs}",
        "hardwre: {}",
        "");

    assertThatThrownBy(() -> loader.parse(yaml))
        .isInstanceOfSatisfying(InvalidJobSpecException.class, e ->
            assertThat(e.problems()).extracting(SpecProblem::line, SpecProblem::key)
                .containsExactly(
                    org.assertj.core.groups.Tuple.tuple(2, "seed"),
                    org.assertj.core.groups.Tuple.tuple(4, "params.epochs"),
                    org.assertj.core.groups.Tuple.tuple(6, "outputs.o.path"),
                    org.assertj.core.groups.Tuple.tuple(7, "hardwre")))
        .hasMessageContaining("lockstep.yaml:2: seed: expected an integer, got \"x\"\nlockstep.yaml:4: params.epochs:");
  }

  @Test
  void rejectsTwoOutputsWithOnePath() {
    String yaml = "version: 1\nseed: 0\noutputs:\n  a: {path: out/x.bin}\n  b: {path: out/./x.bin}\n";

    assertThatThrownBy(() -> loader.parse(yaml))
        .hasMessage("lockstep.yaml:5: outputs.b.path: same path as outputs.a: out/x.bin");
  }

  @Test
  void readsAHashWhoseDigitsYamlWouldTakeForANumber() throws Exception {
    String digits = "1234567890".repeat(6) + "1234";
    JobSpec spec = loader.parse("version: 1\nseed: 0\ninputs:\n  d: {path: a, sha256: " + digits + "}\n");

    assertThat(spec.inputs().get("d").sha256()).contains(digits);
  }

  @Test
  void namesTheFileWhenItIsMissing(@org.junit.jupiter.api.io.TempDir Path empty) {
    assertThatThrownBy(() -> loader.load(empty))
        .isInstanceOf(InvalidJobSpecException.class)
        .hasMessageStartingWith("lockstep.yaml:1: not found in " + empty);
  }

  @Test
  void suggestsOnlyCloseKeys() {
    assertThat(KeySuggestion.closest("sah256", List.of("path", "sha256"))).contains("sha256");
    assertThat(KeySuggestion.closest("colour", List.of("path", "sha256"))).isEmpty();
  }
}
