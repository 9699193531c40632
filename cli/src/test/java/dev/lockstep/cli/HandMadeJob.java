package dev.lockstep.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A small job directory written by hand for the run and verify command tests: standard-library
 * Python only, one input, two parameters, one output, cell markers.
 */
final class HandMadeJob {

    /** The secret the "secret" variant declares; never set in the test environment. */
    static final String UNSET_SECRET = "LOCKSTEP_CLI_TEST_TOKEN_NEVER_SET";

    private HandMadeJob() {
    }

    static final String MAIN_PY = String.join("\n",
            "import json",
            "import os",
            "",
            "# %% cell 2 (id 1a2b3c4d)",
            "config = json.load(open(os.environ['LOCKSTEP_CONFIG']))",
            "params = config['params']",
            "numbers = [float(x) for x in open(config['inputs']['numbers']).read().split()]",
            "print('hello from the job:', len(numbers), 'numbers', flush=True)",
            "",
            "# %% cell 5 (id 5e6f7a8b)",
            "if params['fail']:",
            "    raise ValueError('asked to fail')",
            "result = {'label': params['label'], 'total': sum(numbers) * params['scale']}",
            "with open(config['outputs']['result'], 'w') as handle:",
            "    json.dump(result, handle, sort_keys=True)",
            "");

    /** Writes the job into {@code directory} and returns it. */
    static Path write(Path directory) {
        return write(directory, "");
    }

    /** Writes the job with extra lockstep.yaml lines appended (e.g. secrets). */
    static Path write(Path directory, String extraYaml) {
        writeFile(directory.resolve("data/numbers.txt"), "1\n2\n3.5\n");
        writeFile(directory.resolve("pipeline/main.py"), MAIN_PY);
        writeFile(directory.resolve("lockstep.yaml"), String.join("\n",
                "version: 1",
                "source: {notebook: hand-made.ipynb, sha256: " + "0".repeat(64) + "}",
                "seed: 5",
                "params:",
                "  scale: 2.0",
                "  label: demo",
                "  fail: false",
                "inputs:",
                "  numbers: {path: data/numbers.txt, sha256: " + sha256(directory.resolve("data/numbers.txt")) + "}",
                "outputs:",
                "  result: {path: out/result.json}",
                "environment: {PYTHONHASHSEED: \"0\"}",
                "hardware: {accelerator: cpu, count: 0}",
                extraYaml));
        return directory;
    }

    static Path writeFile(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
