// The ruff peer: ruff's WebAssembly build (rules F, pyflakes) over each notebook's code cells,
// IPython lines blanked (cell magics blank the whole cell), cells joined into one module.
//
//   node bench/ruff/lint_notebooks.mjs CORPUS_DIR|NOTEBOOK...
//
// Prints notebooks, diagnostics and unreadable files.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { Workspace, PositionEncoding } = require("@astral-sh/ruff-wasm-nodejs");

const IPYTHON_LINE = /^\s*([%!?]|[\w.,\s]+=\s*[%!])|\?\s*$/;

function notebooks(path) {
  if (!statSync(path).isDirectory()) return [path];
  const found = [];
  for (const entry of readdirSync(path).sort()) {
    const child = join(path, entry);
    if (statSync(child).isDirectory()) found.push(...notebooks(child));
    else if (entry.endsWith(".ipynb")) found.push(child);
  }
  return found;
}

function codeOf(cell) {
  const source = Array.isArray(cell.source) ? cell.source.join("") : (cell.source ?? "");
  if (source.trimStart().startsWith("%%")) return "";
  return source.split("\n").map((line) => (IPYTHON_LINE.test(line) ? "" : line)).join("\n");
}

const workspace = new Workspace({ lint: { select: ["F"] } }, PositionEncoding.Utf16);
let count = 0;
let diagnostics = 0;
let unreadable = 0;
for (const arg of process.argv.slice(2)) {
  for (const file of notebooks(arg)) {
    count++;
    let nb;
    try {
      nb = JSON.parse(readFileSync(file, "utf8"));
    } catch {
      unreadable++;
      continue;
    }
    const code = (nb.cells ?? []).filter((c) => c.cell_type === "code").map(codeOf).join("\n");
    diagnostics += workspace.check(code).length;
  }
}
console.log(`notebooks ${count}`);
console.log(`diagnostics ${diagnostics}`);
console.log(`unreadable ${unreadable}`);
