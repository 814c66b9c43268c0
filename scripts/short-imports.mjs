// Gives the WebAssembly module's imports from its JS glue short names, in both files:
// wasm-bindgen names each `__wbg_<function>_<16 hex digits>` (about 140 of them, 4.4 KB in
// the glue and as much in the module's import section), and neither terser nor wasm-opt
// may rename them. About 3 KB brotli of the first load; behaviour unchanged. Also drops
// the module's `producers` and `target_features` custom sections.
// Usage: node scripts/short-imports.mjs dist   (before the glue is minified and hashed:
// scripts/build.sh; scripts/loader.mjs takes the integrity hashes of the files as they
// are then).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] || "dist";
const files = readdirSync(dir);
const wasmName = files.find((f) => f.endsWith("_bg.wasm"));
const jsName = files.find((f) => f.endsWith(".js") && wasmName && f === wasmName.replace(/_bg\.wasm$/, ".js"));
if (!wasmName || !jsName) {
  console.error(`short-imports: ${dir}: no <name>_bg.wasm with its <name>.js`);
  process.exit(1);
}

const wasm = readFileSync(join(dir, wasmName));
let js = readFileSync(join(dir, jsName), "utf8");

function readLeb(buf, at) {
  let value = 0, shift = 0, b;
  do {
    b = buf[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return [value, at];
}
function leb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Buffer.from(out);
}
const name = (s) => Buffer.concat([leb(Buffer.byteLength(s)), Buffer.from(s)]);

// a, b, …, z, A, …, Z, then two letters: valid JS property names, never a keyword.
const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const short = (i) => (i < letters.length ? letters[i] : letters[Math.floor(i / letters.length) - 1] + letters[i % letters.length]);

// The module's sections, in order: id, where the section starts, where its body starts
// and where it ends.
function sections() {
  const out = [];
  for (let at = 8; at < wasm.length;) {
    const start = at;
    const id = wasm[at++];
    const [len, body] = readLeb(wasm, at);
    out.push({ id, start, body, end: body + len });
    at = body + len;
  }
  return out;
}

// The module's export names (never renamed: the glue calls them by name).
const exported = new Set();
for (const { id, body } of sections()) {
  if (id !== 7) continue;
  let [count, r] = readLeb(wasm, body);
  for (let i = 0; i < count; i++) {
    let n;
    [n, r] = readLeb(wasm, r);
    exported.add(wasm.toString("utf8", r, r + n));
    r += n + 1;
    [, r] = readLeb(wasm, r);
  }
}

// The import section (id 2): each entry is module, field, kind and the kind's description
// (wasm-bindgen's imports come from one module, named after the glue).
const parts = [wasm.subarray(0, 8)];
const renamed = new Map();
let found = false;
for (const { id, start, body, end } of sections()) {
  if (id === 0) {
    // Custom sections that only name the tools and the CPU features used (the browser
    // reads neither): dropped.
    const [n, q] = readLeb(wasm, body);
    const custom = wasm.toString("utf8", q, q + n);
    if (custom !== "producers" && custom !== "target_features") parts.push(wasm.subarray(start, end));
    continue;
  }
  if (id !== 2) {
    parts.push(wasm.subarray(start, end));
    continue;
  }
  found = true;
  let p = body;
  let count;
  [count, p] = readLeb(wasm, p);
  const entries = [leb(count)];
  for (let i = 0; i < count; i++) {
    let n;
    [n, p] = readLeb(wasm, p);
    const module = wasm.toString("utf8", p, p + n);
    p += n;
    [n, p] = readLeb(wasm, p);
    const field = wasm.toString("utf8", p, p + n);
    p += n;
    // The rest of the entry (kind and description), copied as it is.
    const descStart = p;
    const kind = wasm[p++];
    if (kind === 0) [, p] = readLeb(wasm, p); // function: type index
    else if (kind === 1) { p++; const [flags, q] = readLeb(wasm, p); p = q; [, p] = readLeb(wasm, p); if (flags & 1) [, p] = readLeb(wasm, p); } // table
    else if (kind === 2) { const [flags, q] = readLeb(wasm, p); p = q; [, p] = readLeb(wasm, p); if (flags & 1) [, p] = readLeb(wasm, p); } // memory
    else if (kind === 3) p += 2; // global: type, mutability
    else throw new Error(`short-imports: unknown import kind ${kind}`);
    let field2 = field;
    if (/^__wbg_|^__wbindgen_/.test(field) && !exported.has(field)) {
      if (!renamed.has(field)) renamed.set(field, short(renamed.size));
      field2 = renamed.get(field);
    }
    entries.push(name(module), name(field2), wasm.subarray(descStart, p));
  }
  if (p !== end) throw new Error("short-imports: the import section did not parse to its end");
  const section = Buffer.concat(entries);
  parts.push(Buffer.from([2]), leb(section.length), section);
}
if (!found || renamed.size === 0) {
  console.error(`short-imports: ${wasmName}: no wasm-bindgen imports found`);
  process.exit(1);
}

// The glue: every whole identifier that names an import.
let replaced = 0;
js = js.replace(/\b__wb(?:g|indgen)_[A-Za-z0-9_$]+\b/g, (id) => {
  const s = renamed.get(id);
  if (s === undefined) return id;
  replaced++;
  return s;
});
// Each short name is defined in the glue's import object (`name: function …`).
const missing = [...renamed.keys()].filter((k) => !new RegExp(`[\\s{,]${renamed.get(k)}\\s*:`).test(js));
if (missing.length > 0) {
  console.error(`short-imports: ${jsName}: the glue does not define ${missing.length} import(s), e.g. ${missing[0]}`);
  process.exit(1);
}
const out = Buffer.concat(parts);
writeFileSync(join(dir, wasmName), out);
writeFileSync(join(dir, jsName), js);
console.log(`short-imports: ${renamed.size} imports renamed (${replaced} uses in the glue); module ${wasm.length} → ${out.length} bytes`);
