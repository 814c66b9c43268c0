// Rewrites Trunk's inline loader in a built index.html so that the page paints before
// the WebAssembly module is fetched, and the module is fetched with its integrity hash:
//   - drops the early <link rel="preload"> of the .wasm file (the pre-rendered page is
//     already complete; fetching 200 KB before the first paint only delays it);
//   - waits for the first frame, then fetches the module with Subresource Integrity;
//   - the JS glue was minified after Trunk hashed it (scripts/build.sh): its
//     <link rel="modulepreload"> gets the hash of the file as it is now.
// Usage: node scripts/loader.mjs dist/index.html
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";

const file = process.argv[2];
let html = readFileSync(file, "utf8");
let rehashed = 0;
html = html.replace(/(<link rel="modulepreload" href="[^"]*?([^"/]+\.js)"[^>]*integrity=")([^"]+)(")/, (_, head, name, _old, tail) => {
  const digest = createHash("sha384").update(readFileSync(join(dirname(file), name))).digest("base64");
  rehashed++;
  return `${head}sha384-${digest}${tail}`;
});
if (rehashed !== 1) {
  // The JS glue was minified after Trunk hashed it: without a fresh hash it would fail
  // its integrity check and the app would never start.
  console.error(`loader: ${file}: expected one <link rel="modulepreload" … integrity> for the JS glue, found none`);
  process.exit(1);
}
const preload = html.match(/<link rel="preload" href="([^"]+\.wasm)"[^>]*integrity="([^"]+)"[^>]*>/);
const loader = html.match(/<script type="module">\s*import init, \* as bindings from '([^']+)';[\s\S]*?<\/script>/);
if (!preload || !loader) {
  console.log(`loader: ${file}: Trunk's loader not found (already rewritten?)`);
  process.exit(preload || loader ? 1 : 0);
}
const [, wasm, integrity] = preload;
const script = `<script type="module">
import init, * as bindings from '${loader[1]}';
await new Promise((ok) => { requestAnimationFrame(() => setTimeout(ok)); setTimeout(ok, 100); });
const wasm = await init({ module_or_path: fetch('${wasm}', { integrity: '${integrity}' }) });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
</script>`;
html = html.replace(preload[0], "").replace(loader[0], script);
writeFileSync(file, html);
console.log(`loader: ${file}: module fetched after the first frame, with integrity`);
