package dev.lockstep.analyzer.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookReaderTest {
    private final NotebookReader reader = new NotebookReader();

    private Notebook read(String json) throws Exception {
        return reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "nb.ipynb");
    }

    private String error(String json) {
        try {
            read(json);
        } catch (NotebookFormatException e) {
            return e.getMessage();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no error for " + json);
    }

    @Test
    void readsNbformat4WithSourceAsListOrString() throws Exception {
        Notebook nb = read("""
                {"nbformat": 4, "nbformat_minor": 5,
                 "metadata": {"kernelspec": {"name": "python3", "language": "python", "display_name": "P"},
                              "language_info": {"name": "python", "version": "3.11.2"}},
                 "cells": [
                   {"cell_type": "markdown", "id": "m1", "metadata": {}, "source": "# Title",
                    "attachments": {"a.png": {"image/png": "AAAA"}}},
                   {"cell_type": "code", "id": "c1", "execution_count": 3, "metadata": {"tags": ["x", "y"]},
                    "outputs": [{"output_type": "stream", "name": "stderr", "text": ["a\\n", "b"]}],
                    "source": ["import os\\n", "print(1)"]},
                   {"cell_type": "raw", "id": "r1", "metadata": {}, "source": []}
                 ]}""");
        assertThat(nb.nbformat()).isEqualTo(4);
        assertThat(nb.nbformatMinor()).isEqualTo(5);
        assertThat(nb.metadata().languageVersion()).isEqualTo("3.11.2");
        assertThat(nb.cells()).hasSize(3);
        Cell code = nb.cells().get(1);
        assertThat(code.type()).isEqualTo(CellType.CODE);
        assertThat(code.id()).isEqualTo("c1");
        assertThat(code.number()).isEqualTo(2);
        assertThat(code.source()).isEqualTo("import os\nprint(1)");
        assertThat(code.executionCount()).isEqualTo(3);
        assertThat(code.tags()).containsExactly("x", "y");
        assertThat(code.outputs()).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(OutputKind.STREAM);
            assertThat(o.streamName()).isEqualTo("stderr");
            assertThat(o.text()).isEqualTo("a\nb");
        });
        assertThat(nb.cells().get(0).source()).isEqualTo("# Title");
        assertThat(nb.cells().get(2).source()).isEmpty();
    }

    @Test
    void keepsTextPlainAndSkipsRichPayloads() throws Exception {
        Notebook nb = read("""
                {"nbformat": 4, "nbformat_minor": 4, "metadata": {},
                 "cells": [{"cell_type": "code", "execution_count": 1, "metadata": {}, "source": "df",
                   "outputs": [
                     {"output_type": "execute_result", "execution_count": 1, "metadata": {},
                      "data": {"text/html": ["<table>", "</table>"], "text/plain": ["   a\\n", "0  1"],
                               "image/png": "iVBORw0KGgo="}},
                     {"output_type": "error", "ename": "KeyError", "evalue": "'x'", "traceback": ["Trace", "KeyError"]}
                   ]}]}""");
        Output result = nb.cells().get(0).outputs().get(0);
        assertThat(result.kind()).isEqualTo(OutputKind.EXECUTE_RESULT);
        assertThat(result.text()).isEqualTo("   a\n0  1");
        assertThat(result.mimeTypes()).containsExactly("image/png", "text/html", "text/plain");
        Output error = nb.cells().get(0).outputs().get(1);
        assertThat(error.errorName()).isEqualTo("KeyError");
        assertThat(error.errorValue()).isEqualTo("'x'");
        assertThat(error.text()).isEqualTo("TraceKeyError");
    }

    @Test
    void upgradesNbformat3() throws Exception {
        Notebook nb = read("""
                {"nbformat": 3, "nbformat_minor": 0, "metadata": {"name": "old"},
                 "worksheets": [{"cells": [
                   {"cell_type": "heading", "level": 2, "metadata": {}, "source": "Intro"},
                   {"cell_type": "code", "collapsed": false, "input": ["x = 1\\n", "x"], "language": "python",
                    "metadata": {}, "prompt_number": 4,
                    "outputs": [{"output_type": "pyout", "prompt_number": 4, "text": ["1"], "png": "AAAA", "metadata": {}},
                                {"output_type": "pyerr", "ename": "E", "evalue": "v", "traceback": []},
                                {"output_type": "stream", "stream": "stdout", "text": "hi"}]}
                 ]}]}""");
        assertThat(nb.nbformat()).isEqualTo(3);
        assertThat(nb.cells()).hasSize(2);
        assertThat(nb.cells().get(0).type()).isEqualTo(CellType.MARKDOWN);
        assertThat(nb.cells().get(0).source()).isEqualTo("## Intro");
        Cell code = nb.cells().get(1);
        assertThat(code.source()).isEqualTo("x = 1\nx");
        assertThat(code.executionCount()).isEqualTo(4);
        assertThat(code.outputs()).extracting(Output::kind)
                .containsExactly(OutputKind.EXECUTE_RESULT, OutputKind.ERROR, OutputKind.STREAM);
        assertThat(code.outputs().get(0).mimeTypes()).contains("image/png", "text/plain");
        assertThat(code.outputs().get(2).streamName()).isEqualTo("stdout");
    }

    @Test
    void malformedInputGetsOneClearLine() {
        assertThat(error("")).isEqualTo("empty file, not a notebook");
        assertThat(error("{\"nbformat\": 4, \"cells\": [")).startsWith("truncated JSON: unexpected end of file");
        assertThat(error("not json")).startsWith("not valid JSON:");
        assertThat(error("[1, 2]")).isEqualTo("not a notebook: the top-level JSON value is a list, expected an object");
        assertThat(error("{\"cells\": []}")).isEqualTo("not a notebook: no 'nbformat' field");
        assertThat(error("{\"nbformat\": 5, \"cells\": []}")).isEqualTo("unsupported nbformat 5 (supported: 3 and 4)");
        assertThat(error("{\"nbformat\": \"4\", \"cells\": []}")).isEqualTo("'nbformat' must be an integer, got a string");
        assertThat(error("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": 5}]}"))
                .isEqualTo("cell 1: 'source' must be a string or a list of strings, got a number");
        assertThat(error("{\"nbformat\": 4, \"cells\": [{\"source\": \"x\"}]}")).isEqualTo("cell 1: missing 'cell_type'");
        assertThat(error("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"bogus\", \"source\": \"\"}]}"))
                .isEqualTo("cell 1: unknown cell_type 'bogus'");
        assertThat(error("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": \"\", \"execution_count\": \"1\"}]}"))
                .isEqualTo("cell 1: 'execution_count' must be an integer or null, got a string");
        assertThat(error("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": \"\", "
                + "\"outputs\": [{\"output_type\": \"weird\"}]}]}")).isEqualTo("cell 1: output 1: unknown output_type 'weird'");
        assertThat(error("{\"nbformat\": 4, \"cells\": []} trailing")).startsWith("trailing data after the notebook's JSON object");
        assertThat(error("{\"nbformat\": 4, \"nbformat\": 4, \"cells\": []}")).startsWith("not valid JSON: Duplicate field 'nbformat'");
        assertThat(error("{\"nbformat\": 4}")).isEqualTo("nbformat 4 notebook has no 'cells' list");
    }

    @Test
    void nonUtf8AndDirectoriesAndMissingFiles(@TempDir Path dir) throws IOException {
        Path latin1 = dir.resolve("latin1.ipynb");
        Files.write(latin1, "{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": \"caf\u00e9\"}]}"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> reader.read(latin1, "latin1.ipynb"))
                .isInstanceOf(NotebookFormatException.class).hasMessageStartingWith("not valid UTF-8 text");
        assertThatThrownBy(() -> reader.read(dir, "dir"))
                .isInstanceOf(NotebookFormatException.class).hasMessage("is a directory, not a notebook file");
        assertThatThrownBy(() -> reader.read(dir.resolve("missing.ipynb"), "missing.ipynb"))
                .isInstanceOf(NotebookFormatException.class).hasMessage("no such file");
    }

    @Test
    void hashesTheWholeFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a.ipynb");
        Files.writeString(file, "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": []}\n\n");
        Notebook nb = reader.read(file, "a.ipynb");
        assertThat(nb.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
    }

    @Test
    void longOutputTextIsCutAtTheLimit() throws Exception {
        String line = "x".repeat(1000) + "\\n";
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            lines.append(i == 0 ? "" : ",").append('"').append(line).append('"');
        }
        Notebook nb = read("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": \"\", \"outputs\": "
                + "[{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": [" + lines + "]}]}]}");
        Output output = nb.cells().get(0).outputs().get(0);
        assertThat(output.truncated()).isTrue();
        assertThat(output.text()).hasSize(NotebookReader.OUTPUT_TEXT_LIMIT);
    }
}
