// Manual look at one part of the page: node e2e/shot-el.mjs <dist> <query> <selector> <out.png> [width] [theme]
import { serve, launch } from "./harness.mjs";
const [dir, query, sel, out, width = "1366", theme = "light"] = process.argv.slice(2);
const server = await serve(dir, "/");
const browser = await launch();
const ctx = await browser.newContext({ viewport: { width: Number(width), height: 900 }, colorScheme: theme });
const page = await ctx.newPage();
await page.goto(server.url + (query ? "?" + query : ""));
await page.waitForFunction(() => performance.getEntriesByName("first-estimate").length > 0);
await page.waitForTimeout(1000);
await page.locator(sel).first().screenshot({ path: out });
await browser.close(); server.close();
