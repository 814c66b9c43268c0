// Manual look at part of a page: node e2e/clip.mjs <dist> <query> <out.png> <width> <height> <y0> <y1> [theme]
import { serve, launch } from "./harness.mjs";
const [dir, query, out, w, h, y0, y1, theme="light"] = process.argv.slice(2);
const server = await serve(dir, "/");
const browser = await launch();
const ctx = await browser.newContext({ viewport: { width: +w, height: +h }, colorScheme: theme });
const page = await ctx.newPage();
await page.goto(server.url + (query ? "?" + query : ""));
await page.waitForFunction(() => performance.getEntriesByName("first-estimate").length > 0);
await page.waitForTimeout(1000);
await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: +y0, width: +w, height: +y1 - +y0 } });
await browser.close(); server.close();
