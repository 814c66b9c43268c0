// Rewrites Trunk's inline loader in a built index.html so that the page paints before
// the WebAssembly module is fetched, and the module is fetched with its integrity hash:
//   - drops the early <link rel="preload"> of the .wasm file (the pre-rendered page is
//     already complete; fetching 200 KB before the first paint only delays it);
//   - waits for the first frame of the parsed page, then fetches the module with
//     Subresource Integrity (streaming compilation); on a link with a query, the
//     pre-rendered (default) figures are hidden first (see `early` below);
//   - the JS glue was minified after Trunk hashed it (scripts/build.sh): its
//     <link rel="modulepreload"> gets the hash of the file as it is now;
//   - the feature comparison's sections (`details[data-lazy]`, empty in the page) and the
//     footer's list of sources (`#sources[data-lazy]`) are fetched from features.html
//     beside the page when the reader opens a section, follows a link to a source or
//     scrolls near the comparison, then moved into the page; `explorer-loaded` tells the
//     app (src/ui/explorer.rs, explorer_controls.rs, footer.rs).
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
const [, wasm] = preload;
// (Its hash as the file is now: scripts/short-imports.mjs rewrote it after Trunk.)
const integrity = "sha384-" + createHash("sha384").update(readFileSync(join(dirname(file), wasm.split("/").pop()))).digest("base64");
// A link with a query: the pre-rendered figures are the default workload's, not the
// link's, so the page hides them (class link-pending, styles/main.css) until the app has
// rendered the link's own estimate. On every page the module is fetched after the first
// frame of the parsed page: fetched while the page is parsed, it made the page's largest
// paint wait for it in Lighthouse's simulation of a slow network (LCP 4.3 s, performance
// 85; after the first frame: 1.4 s), for 2–5 % on the link's first estimate here.
const early = `<script>
if (location.search.length > 1) document.documentElement.classList.add("link-pending");
</script>`;
const script = `<script type="module">
import init, * as bindings from '${loader[1]}';
const root = document.documentElement;
let sections;
const loadSections = () => sections ??= fetch(new URL("features.html", new URL('${loader[1]}', location.href)))
  .then((r) => r.ok ? r.text() : Promise.reject(new Error("HTTP " + r.status)))
  .then((text) => {
    // (Its <main> only, in an inert template: not its own style, which this page's
    // policy would refuse.)
    const doc = document.createElement("template");
    doc.innerHTML = text.slice(text.indexOf("<main>") + 6, text.lastIndexOf("</main>"));
    for (const d of document.querySelectorAll("details[data-lazy]")) {
      const whole = doc.content.querySelector('details[data-section="' + d.dataset.section + '"]');
      if (!whole) continue;
      d.querySelector(".lazy-body")?.remove();
      for (const n of [...whole.childNodes]) if (n.nodeName !== "SUMMARY") d.append(n);
      d.removeAttribute("data-lazy");
    }
    // The footer's list of sources; then the source a link names, now on the page.
    const list = doc.content.querySelector("#sources ul.sources");
    const here = document.querySelector("#sources[data-lazy]");
    if (list && here) {
      here.querySelector(".lazy-body")?.remove();
      here.append(list);
      here.removeAttribute("data-lazy");
    }
    dispatchEvent(new Event("explorer-loaded"));
  })
  .catch((e) => {
    sections = undefined; // (tried again on the next opening)
    for (const s of document.querySelectorAll("[data-lazy] .loading")) s.textContent = (s.closest("#sources") ? "The sources could not be loaded (" : "This section could not be loaded (") + e.message + "): ";
  });
// A link to a source (a line item's, the header's "Prices as of"), or a page opened at
// one (once the app has rendered: see \`watchNear\`): the list is fetched, then the page
// lands on the source it names.
const toSource = () => {
  if (/^#src-/.test(location.hash)) loadSections().then(() => document.getElementById(location.hash.slice(1))?.scrollIntoView());
};
addEventListener("click", (e) => { if (e.target.closest?.('a[href^="#src-"], a[href="#sources"]')) loadSections(); }, true);
addEventListener("hashchange", toSource);
addEventListener("toggle", (e) => { if (e.target.matches?.("details[data-lazy][open]")) loadSections(); }, true);
for (const d of document.querySelectorAll("details[data-lazy][open]")) loadSections();
// Scrolled near: watched once the app has rendered (a link hides the pre-rendered
// figures until then, which brings the comparison up the page). The comparison's sections
// are fetched, and the app draws the charts (\`charts-near\`, src/ui/app.rs).
const whenNear = (selector, then) => {
  const el = document.querySelector(selector);
  if (!el || !window.IntersectionObserver) return then();
  const near = new IntersectionObserver((es) => { if (es.some((e) => e.isIntersecting)) { near.disconnect(); then(); } }, { rootMargin: "600px 0px" });
  near.observe(el);
};
const watchNear = () => {
  toSource();
  whenNear(".explorer", loadSections);
  whenNear(".charts", () => dispatchEvent(new Event("charts-near")));
};
const pending = root.classList.contains("link-pending");
if (pending) {
  const q = document.getElementById("link-query");
  const raw = location.search.slice(1).split("&").join(", ");
  let shown = raw;
  try { shown = decodeURIComponent(raw.split("+").join(" ")); } catch { /* a bad escape: shown as it is */ }
  if (q) q.textContent = shown;
}
// The page, parsed whole, is painted first: its first paint (and its largest) depends on
// nothing but the page itself.
await new Promise((ok) => { requestAnimationFrame(() => setTimeout(ok)); setTimeout(ok, 1000); }); // (the timeout: a tab in the background, where frames wait)
try {
  const wasm = await init({ module_or_path: fetch('${wasm}', { integrity: '${integrity}' }) });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
  requestAnimationFrame(() => setTimeout(watchNear));
} catch (e) {
  // The page says so in place of the estimate (a link) or keeps the default estimate.
  if (pending) root.classList.add("link-failed");
  watchNear();
  console.error("Streaming Showdown: the WebAssembly module did not start:", e);
}
</script>`;
html = html.replace(preload[0], "").replace(loader[0], early + "\n" + script);
writeFileSync(file, html);
console.log(`loader: ${file}: module fetched after the first frame, with integrity`);
