package dev.lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.extractor.codes.ExtractCode;
import dev.lockstep.extractor.codes.ExtractCodesDocument;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every code the tool can print (LS rules, EX extract blockers) has a page and is documented. */
class ExplainableCodesTest {

    private static final Pattern CODE = Pattern.compile("\\b(?:LS|EX)\\d{3}\\b");

    /** Every code named anywhere in the modules' main sources and resources, with one place it appears. */
    private static TreeMap<String, String> codesInTheCodeBase() throws IOException {
        Path root = CliRunner.repoRoot();
        TreeMap<String, String> codes = new TreeMap<>();
        List<Path> mains = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            modules.map(m -> m.resolve("src/main")).filter(Files::isDirectory).sorted().forEach(mains::add);
        }
        assertThat(mains).as("module source folders").hasSizeGreaterThanOrEqualTo(5);
        for (Path main : mains) {
            try (Stream<Path> files = Files.walk(main)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String text;
                    try {
                        text = Files.readString(file, StandardCharsets.UTF_8);
                    } catch (MalformedInputException e) {
                        continue; // a binary resource
                    }
                    Matcher m = CODE.matcher(text);
                    while (m.find()) {
                        codes.putIfAbsent(m.group(), root.relativize(file).toString());
                    }
                }
            }
        }
        return codes;
    }

    @Test
    void everyCodeTheCodeBaseCanPrintIsExplainable() throws IOException {
        TreeMap<String, String> codes = codesInTheCodeBase();
        assertThat(codes.keySet()).as("codes found in the sources").contains("EX001", "EX002", "LS201")
                .hasSizeGreaterThan(40);
        List<String> unexplained = new ArrayList<>();
        for (var code : codes.entrySet()) {
            CliRunner.Result result = CliRunner.run("explain", code.getKey());
            if (result.exitCode() != 0 || result.out().isBlank()) {
                unexplained.add(code.getKey() + " (in " + code.getValue() + "): " + result.err().strip());
            }
        }
        assertThat(unexplained).as("codes 'lockstep explain' does not know").isEmpty();
    }

    @Test
    void everyExtractCodeTheSourcesUseIsAnExtractCodeWithEverySection() throws IOException {
        TreeSet<String> used = new TreeSet<>();
        for (String code : codesInTheCodeBase().keySet()) {
            if (code.startsWith("EX")) {
                used.add(code);
            }
        }
        TreeSet<String> declared = new TreeSet<>();
        for (ExtractCode code : ExtractCode.values()) {
            declared.add(code.id());
            for (String section : ExtractCode.SECTIONS) {
                assertThat(code.body()).as("%s's page", code.id()).contains("## " + section + "\n");
            }
        }
        assertThat(declared).as("declared extract codes").isEqualTo(used);
    }

    @Test
    void theCheckedInExtractCodesDocumentIsUpToDate() throws IOException {
        Path document = CliRunner.repoRoot().resolve(ExtractCodesDocument.PATH);
        String generated = ExtractCodesDocument.render();
        if (Boolean.getBoolean("lockstep.updateGoldens")) {
            Files.writeString(document, generated, StandardCharsets.UTF_8);
        }
        assertThat(document).as("%s (generate it with: %s)", ExtractCodesDocument.PATH, ExtractCodesDocument.REGENERATE)
                .exists();
        assertThat(Files.readString(document, StandardCharsets.UTF_8))
                .as("%s is out of date; regenerate it with%n  %s", ExtractCodesDocument.PATH, ExtractCodesDocument.REGENERATE)
                .isEqualTo(generated);
        for (ExtractCode code : ExtractCode.values()) {
            assertThat(generated).contains("## " + code.id() + " " + code.title() + "\n");
        }
    }

    @Test
    void explainPrintsAnExtractCodeAsTerminalText() {
        CliRunner.Result result = CliRunner.run("explain", "EX002");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("EX002 input-not-on-this-machine\n" + "=".repeat(31) + "\n\n")
                .contains("What to do\n----------\n", "\n    lockstep extract notebook.ipynb -o job/ --input data=path/to/train.csv\n")
                .doesNotContain("```", "**", "\n#");
        assertThat(CliRunner.run("explain", "ex002").out()).isEqualTo(result.out());
        assertThat(CliRunner.run("explain", "input-not-on-this-machine").out()).isEqualTo(result.out());
        assertThat(CliRunner.run("explain", "--markdown", "EX002").out()).isEqualTo(ExtractCode.EX002.page());
        CliRunner.Result unknown = CliRunner.run("explain", "EX999");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).isEqualTo(
                "lockstep: unknown extract code 'EX999'; the codes are EX001, EX002, EX003, EX004 (docs/extract-codes.md)\n");
    }
}
