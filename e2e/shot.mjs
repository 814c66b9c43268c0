// Manual look: node e2e/shot.mjs <dist> <query> <name> [theme]
import { serve, launch } from "./harness.mjs";
const [dir, query, name, theme = "light"] = process.argv.slice(2);
const server = await serve(dir, "/");
const browser = await launch();
for (const [w, h, tag] of [[1366, 768, "laptop"], [390, 844, "phone"]]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, colorScheme: theme });
  const page = await ctx.newPage();
  await page.goto(server.url + (query ? "?" + query : ""));
  await page.waitForFunction(() => performance.getEntriesByName("first-estimate").length > 0);
  await page.waitForTimeout(1200);
  await page.screenshot({ path: `/tmp/shots/${name}-${tag}-${theme}.png` });
  await page.screenshot({ path: `/tmp/shots/${name}-${tag}-${theme}-full.png`, fullPage: true });
  await ctx.close();
}
await browser.close(); server.close();
