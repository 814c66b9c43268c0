// Performance budget, report-only: prints figures, never fails on timing.
// Serves the built site on 127.0.0.1, drives Debian's Chromium with the CPU throttled
// 4× and prints medians over several runs:
//   - bytes of every built file, raw / gzip / brotli (as a static host would serve them),
//     and of the smallest Yew app built the same way (the stack's floor);
//   - navigation → first estimate painted (the frame after the app's performance mark
//     "first-estimate");
//   - the same figure for a static HTML page of the same content (the floor), and the ratio;
//   - keystroke → updated total painted, median and p95 over 2 × 50 keystrokes, and the
//     same for two pages without the app (the browser's floor);
//   - Lighthouse scores (performance, accessibility, best practices, SEO).
// Usage: node scripts/perf.mjs [dist] [runs]
import { writeFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { serve, launch } from "../e2e/harness.mjs";
import { sizes } from "./sizes.mjs";

const DIST = process.argv[2] || "dist";
const RUNS = Number(process.argv[3] || 5);
const THROTTLE = 4;
// A link as the page makes it today (PERF_QUERY to measure another, e.g. an older link).
const QUERY = process.env.PERF_QUERY || "?v=3&rps=5120&size=2&consumers=3&retention=7d";
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const ms = (x) => `${x.toFixed(1)} ms`;

// 1. Bytes (scripts/sizes.mjs).
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const built = sizes(DIST);
console.log(`bytes: ${kb(built.raw)} raw, ${kb(built.gz)} gzip, ${kb(built.br)} brotli (target ≤ 150 KB compressed)`);
for (const f of built.files.filter((f) => f.raw > 0).sort((a, b) => b.gz - a.gz)) {
  console.log(`  ${f.name}: ${kb(f.raw)} raw, ${kb(f.gz)} gzip, ${kb(f.br)} brotli`);
}
// The stack's own floor: the smallest Yew app, built the same way (scripts/yew-floor.sh).
{
  const dir = process.env.YEW_FLOOR || "target/yew-floor";
  try {
    const f = sizes(dir);
    console.log(`  floor, the smallest Yew app that hydrates a page and updates a number (wasm + JS, no page): ${kb(f.raw)} raw, ${kb(f.gz)} gzip, ${kb(f.br)} brotli`);
  } catch {
    console.log(`  floor, the smallest Yew app: not measured (run scripts/yew-floor.sh to build it into ${dir})`);
  }
}

const server = await serve(DIST, "/");
const browser = await launch();

async function throttledPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
  return { context, page };
}

// 2. The floor: a static copy of the rendered page (no scripts), same server.
{
  const { context, page } = await throttledPage();
  await page.goto(server.url + QUERY);
  await page.waitForSelector(".card .amount");
  let html = await page.content();
  html = html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<link[^>]+(modulepreload|preload)[^>]*>/g, "");
  html = html.replace("</body>", `<script src="static-mark.js"></script></body>`);
  writeFileSync(join(DIST, "static-floor.html"), html);
  writeFileSync(join(DIST, "static-mark.js"), `performance.mark("first-estimate");`);
  // The keystroke floors (section 3).
  const handler = `document.querySelector("#f-rps").addEventListener("input", (e) => {
  for (const a of document.querySelectorAll(".card .amount")) a.textContent = "$" + (Number(e.target.value) * 1.37).toFixed(2);
});`;
  writeFileSync(join(DIST, "key-floor.js"), handler);
  writeFileSync(join(DIST, "key-floor.html"), html.replace("static-mark.js", "key-floor.js"));
  writeFileSync(join(DIST, "key-minimal.html"), `<!doctype html><html lang="en"><title>floor</title><input id="f-rps" value="5120"><p class="card" data-option="kinesis-provisioned"><span class="amount">$0.00</span></p><script src="key-floor.js"></script></html>`);
  await context.close();
}

// When the first estimate is painted: the app (and the floor's script) set the mark
// "first-estimate" when the estimate is in the document; the frame that shows it is
// painted after that frame's rendering, which a task queued from its animation-frame
// callback follows.
const PAINT_PROBE = () => {
  const mark = Performance.prototype.mark;
  Performance.prototype.mark = function (name, ...rest) {
    if (name === "first-estimate") {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => console.log(`estimate-painted ${performance.now()}`);
        channel.port2.postMessage(0);
      });
    }
    return mark.call(this, name, ...rest);
  };
};

// (The page reports the time on its console: polling it with page.waitForFunction would
// make Playwright inject its own large script into the page while it loads, and its
// parsing, about 60–100 ms at 4×, would delay the app's first estimate but not the
// floor's, which is painted before the injection.)
async function navigation(path) {
  const { context, page } = await throttledPage();
  await page.addInitScript(PAINT_PROBE);
  const painted = new Promise((ok) => page.on("console", (m) => {
    const [name, t] = m.text().split(" ");
    if (name === "estimate-painted") ok(Number(t));
  }));
  await page.goto(server.url + path);
  const t = await Promise.race([painted, new Promise((_, fail) => setTimeout(() => fail(new Error(`${path}: no first estimate in 60 s`)), 60_000))]);
  await context.close();
  return t;
}

const app = [], floor = [];
for (let i = 0; i < RUNS; i++) {
  app.push(await navigation(QUERY));
  floor.push(await navigation("static-floor.html"));
}
const ratio = median(app) / median(floor);
console.log(`navigation → first estimate: app ${ms(median(app))}, static floor ${ms(median(floor))}, ratio ${ratio.toFixed(2)} (target ≤ 1.5) [median of ${RUNS}, CPU ${THROTTLE}× slower]`);

// 3. Keystroke → updated total painted: the app, then two floors served the same way,
// each with a one-line script that writes a new total into the page on every keystroke
// (the browser's own cost of a keystroke and a repaint, with no app): the same static
// copy of the page, and a page with nothing but the input and the total.
async function keystrokes(path) {
  const { context, page } = await throttledPage();
  await page.goto(server.url + path);
  await page.waitForSelector(".card .amount");
  await page.waitForTimeout(1000);
  await page.focus("#f-rps");
  await page.keyboard.press("End");
  const times = [];
  for (let i = 0; i < 50; i++) {
    const key = i % 2 === 0 ? String((i % 9) + 1) : "Backspace";
    const wait = page.evaluate(() => new Promise((ok) => {
      const target = document.querySelector("[data-option=kinesis-provisioned] .amount");
      const before = target.textContent;
      // From the key event's own timestamp to the end of the frame that shows the new
      // total (a task queued from that frame's animation callback runs after its paint).
      let t0 = null;
      const onKey = (e) => { t0 = e.timeStamp; };
      document.addEventListener("keydown", onKey, { capture: true, once: true });
      const obs = new MutationObserver(() => {
        if (target.textContent === before) return;
        obs.disconnect();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => ok(performance.now() - (t0 ?? performance.now()));
          channel.port2.postMessage(0);
        });
      });
      obs.observe(target, { characterData: true, childList: true, subtree: true });
      setTimeout(() => { obs.disconnect(); ok(-1); }, 5000);
    }));
    await page.waitForTimeout(20);
    await page.keyboard.press(key);
    const t = await wait;
    if (t >= 0) times.push(t);
  }
  await context.close();
  return times;
}
{
  const keys = { app: [], copy: [], minimal: [] };
  // Interleaved, so that a busy moment on the machine does not land on one page only.
  for (let i = 0; i < 2; i++) {
    keys.app.push(...await keystrokes(QUERY));
    keys.copy.push(...await keystrokes("key-floor.html"));
    keys.minimal.push(...await keystrokes("key-minimal.html"));
  }
  const line = (xs) => `median ${ms(median(xs))}, p95 ${ms(p95(xs))}`;
  console.log(`keystroke → total painted: app ${line(keys.app)} over ${keys.app.length} keystrokes (target < 16 ms, CPU ${THROTTLE}× slower)`);
  console.log(`  floor, static copy of the page + one-line handler: ${line(keys.copy)}; app − floor ${ms(median(keys.app) - median(keys.copy))}`);
  console.log(`  floor, a page with only the input and the total: ${line(keys.minimal)}`);
}
await browser.close();

// 4. Lighthouse (its own Chromium launch, default mobile settings).
try {
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const profile = "/tmp/showdown-lighthouse-profile";
  rmSync(profile, { recursive: true, force: true });
  mkdirSync(profile, { recursive: true });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM || "/usr/bin/chromium",
    chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", `--user-data-dir=${profile}`],
  });
  try {
    const result = await lighthouse(server.url + QUERY, { port: chrome.port, output: "json", logLevel: "error" });
    const c = result.lhr.categories;
    const score = (k) => Math.round((c[k]?.score ?? 0) * 100);
    console.log(`lighthouse: performance ${score("performance")}, accessibility ${score("accessibility")}, best practices ${score("best-practices")}, SEO ${score("seo")} (target ≥ 98 each)`);
    const a = result.lhr.audits;
    const metric = (k) => a[k] ? `${a[k].displayValue} (${Math.round((a[k].score ?? 0) * 100)})` : "n/a";
    console.log(`lighthouse: FCP ${metric("first-contentful-paint")}, LCP ${metric("largest-contentful-paint")}, TBT ${metric("total-blocking-time")}, CLS ${metric("cumulative-layout-shift")}, SI ${metric("speed-index")}`);
    const lcpEl = a["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node;
    if (lcpEl) console.log(`lighthouse: LCP element ${lcpEl.selector} "${(lcpEl.nodeLabel || "").slice(0, 60)}"`);
    if (process.env.LH_JSON) writeFileSync(process.env.LH_JSON, JSON.stringify(result.lhr));
    const failing = Object.values(result.lhr.audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === "binary").map((a) => a.id);
    if (failing.length) console.log(`lighthouse: failing audits: ${failing.join(", ")}`);
  } finally {
    await chrome.kill();
  }
} catch (e) {
  console.log(`lighthouse: not measured (${String(e.message || e).split("\n")[0]})`);
}
server.close();
rmSync(join(DIST, "static-floor.html"), { force: true });
for (const f of ["static-mark.js", "key-floor.html", "key-floor.js", "key-minimal.html"]) rmSync(join(DIST, f), { force: true });
