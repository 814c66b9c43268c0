// The raw, gzip -9 and brotli q11 sizes of every file of a built site, as a static host
// would serve them (404.html, a copy of index.html, left out). Run directly, prints them:
// node scripts/sizes.mjs [dir]   (default dist/). scripts/perf.mjs imports `sizes`.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

/** Every file's sizes, in name order, and their sums. */
export function sizes(dir) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (!statSync(path).isFile() || name === "404.html") continue;
    const data = readFileSync(path);
    files.push({
      name,
      raw: data.length,
      gz: gzipSync(data, { level: 9 }).length,
      br: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  const sum = (k) => files.reduce((n, f) => n + f[k], 0);
  return { files, raw: sum("raw"), gz: sum("gz"), br: sum("br") };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { files, raw, gz, br } = sizes(process.argv[2] || "dist");
  const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
  console.log(`${"file".padEnd(44)}${"raw".padStart(11)}${"gzip".padStart(11)}${"brotli".padStart(11)}`);
  for (const f of [...files, { name: "total", raw, gz, br }]) console.log(`${f.name.padEnd(44)}${kb(f.raw)}${kb(f.gz)}${kb(f.br)}`);
}
