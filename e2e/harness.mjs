// A small end-to-end harness: a static server for the built site on a free
// 127.0.0.1 port, Debian's Chromium driven by playwright-core, and a test runner that
// fails a test on any page error, console error, CSP violation or request to another
// origin.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves `dir` under `base` (e.g. "/" or "/stream-showdown/"), like GitHub Pages. */
export async function serve(dir, base = "/") {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(base)) {
      res.writeHead(404).end("not found");
      return;
    }
    path = path.slice(base.length);
    if (path === "" || path.endsWith("/")) path += "index.html";
    const file = join(dir, normalize(path).replace(/^(\.\.[/\\])+/, ""));
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
      res.end(body);
    } catch {
      try {
        const body = await readFile(join(dir, "404.html"));
        res.writeHead(404, { "content-type": TYPES[".html"] }).end(body);
      } catch {
        res.writeHead(404).end("not found");
      }
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${base}`, origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
}

/**
 * Opens a fresh context and page; records page errors, console errors and requests
 * to other origins in `problems`.
 */
export async function openPage(browser, origin, options = {}) {
  const { allow, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  // Record Content-Security-Policy violations before any page script runs.
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`),
    );
  });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    const text = `console error: ${m.text()} (${m.location().url})`;
    if (!(options.allow && options.allow.test(text))) problems.push(text);
  });
  page.on("dialog", (d) => {
    problems.push(`dialog opened: ${d.message()}`);
    d.dismiss();
  });
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")) {
      problems.push(`request to another origin: ${u}`);
    }
  });
  return { context, page, problems };
}

const tests = [];
export function test(name, fn) {
  tests.push({ name, fn });
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export function assertEqual(actual, expected, message) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${message}: expected ${e}, got ${a}`);
}

/** Deep equality with a relative tolerance for numbers (native and wasm floats may
 * differ in the last bit); object key order is ignored. */
export function assertClose(actual, expected, message, path = "$") {
  if (typeof expected === "number" && typeof actual === "number") {
    const ok = actual === expected || Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(actual), Math.abs(expected));
    if (!ok) throw new Error(`${message}: ${path}: expected ${expected}, got ${actual}`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) throw new Error(`${message}: ${path}: length differs`);
    expected.forEach((e, i) => assertClose(actual[i], e, message, `${path}[${i}]`));
    return;
  }
  if (expected && typeof expected === "object") {
    if (!actual || typeof actual !== "object") throw new Error(`${message}: ${path}: not an object`);
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const k of keys) assertClose(actual[k], expected[k], message, `${path}.${k}`);
    return;
  }
  if (actual !== expected) throw new Error(`${message}: ${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Runs every registered test; prints a summary line and returns the failure count. */
/** The longest a single test may take. */
const TEST_LIMIT_MS = 180_000;

export async function run(env) {
  let passed = 0;
  let failed = 0;
  // E2E_ONLY=<text>: only the tests whose name contains it (local iteration; CI runs all).
  const only = process.env.E2E_ONLY;
  for (const t of tests.filter((t) => !only || t.name.includes(only))) {
    const started = Date.now();
    const pages = [];
    const ctx = {
      ...env,
      // options.before(page) runs before the page is loaded (to route requests, say).
      open: async (path, options = {}) => {
        const { before, ...rest } = options;
        const p = await openPage(env.browser, env.origin, rest);
        pages.push(p);
        if (before) await before(p.page);
        await p.page.goto(new URL(path, env.url).href);
        return p;
      },
    };
    try {
      // A test that hangs fails alone (after TEST_LIMIT_MS) instead of holding up the run.
      let timer;
      const limit = new Promise((_, fail) => {
        timer = setTimeout(() => fail(new Error(`no result after ${TEST_LIMIT_MS / 1000} s`)), TEST_LIMIT_MS);
      });
      try {
        await Promise.race([t.fn(ctx), limit]);
      } finally {
        clearTimeout(timer);
      }
      for (const p of pages) {
        const csp = await p.page.evaluate(() => window.__csp || []).catch(() => []);
        for (const v of csp) p.problems.push(`CSP violation: ${v}`);
      }
      const problems = pages.flatMap((p) => p.problems);
      if (problems.length) throw new Error(problems.join("\n"));
      passed++;
      console.log(`ok   ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${t.name}\n     ${String(e.stack || e).split("\n").join("\n     ")}`);
    } finally {
      for (const p of pages) await p.context.close();
    }
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed;
}
