// Minifies the inlined style sheet of a built index.html: drops comments and collapses
// white space (around braces and semicolons, where CSS gives it no meaning); quoted
// strings are kept as they are. Run before scripts/csp.mjs, which allows the style sheet
// by its hash. Usage: node scripts/minify-css.mjs dist/index.html
import { readFileSync, writeFileSync } from "node:fs";

export function minifyCss(css) {
  // (Comments first: one may hold an apostrophe. No string in the sheet holds "/*".)
  const parts = css.replace(/\/\*[\s\S]*?\*\//g, "").split(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/);
  return parts
    .map((p, i) => (i % 2 ? p : p.replace(/\s+/g, " ").replace(/ ?([{};]) ?/g, "$1").replace(/;}/g, "}")))
    .join("")
    .trim();
}

const file = process.argv[2];
if (file) {
  const html = readFileSync(file, "utf8");
  let before = 0, after = 0;
  const out = html.replace(/(<style[^>]*>)([\s\S]*?)(<\/style>)/g, (_, open, css, close) => {
    const min = minifyCss(css);
    before += css.length;
    after += min.length;
    return open + min + close;
  });
  writeFileSync(file, out);
  console.log(`minify-css: ${file}: ${before} → ${after} characters`);
}
