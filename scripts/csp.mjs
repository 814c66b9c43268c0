// Adds a strict Content-Security-Policy <meta> to a built index.html: only the page's
// own origin, 'wasm-unsafe-eval' for the WebAssembly module, and no 'unsafe-inline' for
// scripts or styles: the inline loader and the inlined style sheet are allowed by their
// SHA-256 hashes.
// Usage: node scripts/csp.mjs dist/index.html
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";

const file = process.argv[2];
let html = readFileSync(file, "utf8");
if (html.includes('http-equiv="Content-Security-Policy"')) {
  console.log(`csp: ${file} already has a policy`);
  process.exit(0);
}
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`,
);
const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map(
  (m) => `'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`,
);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
  `style-src 'self' ${styles.join(" ")}`.trim(),
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");
html = html.replace(/<head>/, `<head>\n  <meta http-equiv="Content-Security-Policy" content="${policy}">`);
writeFileSync(file, html);
console.log(`csp: ${file}: ${hashes.length} inline script(s), ${styles.length} inline style(s) allowed by hash`);
