// Prints the raw, gzip and brotli sizes of every file of a built site (default dist/).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dir = process.argv[2] || "dist";
const rows = [];
for (const name of readdirSync(dir).sort()) {
  const path = join(dir, name);
  if (!statSync(path).isFile() || name === "404.html") continue;
  const data = readFileSync(path);
  const gz = gzipSync(data, { level: 9 }).length;
  const br = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  rows.push([name, data.length, gz, br]);
}
const total = rows.reduce((t, r) => [t[0], t[1] + r[1], t[2] + r[2], t[3] + r[3]], ["total", 0, 0, 0]);
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
console.log(`${"file".padEnd(44)}${"raw".padStart(11)}${"gzip".padStart(11)}${"brotli".padStart(11)}`);
for (const r of [...rows, total]) console.log(`${r[0].padEnd(44)}${kb(r[1])}${kb(r[2])}${kb(r[3])}`);
