// End-to-end suite against the built site: node e2e/run.mjs [dist] [dist-subpath]
// (the second is a build made with --public-url /stream-showdown/).
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { serve, launch, openPage, test, run, assert, assertEqual, assertClose } from "./harness.mjs";

const DIST = process.argv[2] || "dist";
const DIST_SUBPATH = process.argv[3] || "dist-subpath";
const SHOTS = "artifacts/screenshots";
const CLI = process.env.SHOWDOWN_CLI || "target/debug/showdown";
// Today's price book edition (the change log's last date, or its start): every link the
// page writes carries it as `prices=` after `v=4`. Never a literal date here: the weekly
// price job's new editions must not break the tests.
const EDITION = readFileSync("data/price_changes.toml", "utf8")
  .split("\n")
  .map((l) => l.match(/^(?:start|date) = "([0-9-]+)"$/))
  .filter(Boolean)
  .map((m) => m[1])
  .pop();
const dated = (q) => q.replace(/^v=4&/, `v=4&prices=${EDITION}&`);
mkdirSync(SHOTS, { recursive: true });

// The pre-rendered page already shows cards: wait until the app has rendered the link's
// own estimate (it sets this performance mark then).
const ready = (page) => page.waitForFunction(() => performance.getEntriesByName("first-estimate").length > 0);
const text = (page, sel) => page.locator(sel).first().innerText();
const total = (page, id) => text(page, `[data-option=${id}] .amount`);

/** No computed figure shows NaN/Infinity (the notice may quote what the link said). */
async function noNaN(page) {
  const shown = await page.evaluate(() =>
    [...document.querySelectorAll(".results, .derived, .site-header")].map((e) => e.innerText).join("\n"),
  );
  assert(shown.length > 100, "results are missing");
  const bad = shown.match(/.{0,40}(NaN|Infinity|undefined).{0,40}/);
  assert(!bad, `page shows ${bad && bad[0]}`);
  const totals = await page.locator(".amount").allInnerTexts();
  assert(!totals.some((t) => t.startsWith("-")), `negative total: ${totals}`);
}

/** Opens a group of the form with the keyboard, as a person does (focus its summary,
 * Enter), unless it is open; waits until its fields are on the page. */
async function openGroup(page, id) {
  const group = page.locator(`details[data-section=${id}]`);
  if (!(await group.evaluate((d) => d.open))) {
    await page.focus(`details[data-section=${id}] > summary`);
    await page.keyboard.press("Enter");
  }
  await page.waitForFunction((id) => document.querySelector(`details[data-section=${id}]`)?.querySelector(".field"), id);
}

/** Every option's line cents and total, as the page shows them. */
// Every card's total and line items (line items render when their section is open:
// open each closed one first, as a reader would).
async function pageFigures(page) {
  const closed = page.locator(".card details.lines:not([open]) > summary");
  while (await closed.count()) await closed.first().click();
  await page.waitForFunction(() => [...document.querySelectorAll(".card details.lines")].every((d) => d.open && d.querySelector("tr[data-line]")));
  return page.evaluate(() =>
    [...document.querySelectorAll(".card[data-option]")].map((card) => ({
      id: card.dataset.option,
      // (Not eligible with nothing priced, as no stream at all where a stream is needed: no figure.)
      total_cents: Number(card.querySelector(".amount")?.dataset.totalCents ?? 0),
      lines: [...card.querySelectorAll("tr[data-line]")].map((tr) => [tr.dataset.line, Number(tr.dataset.cents)]),
    })),
  );
}

function cliFigures(query) {
  const out = spawnSync(CLI, ["--json", query], { encoding: "utf8" });
  if (out.status !== 0) throw new Error(`showdown failed: ${out.stderr}`);
  const json = JSON.parse(out.stdout);
  return json.options.map((o) => ({
    id: o.id,
    total_cents: o.monthly_usd === null ? 0 : Math.round(o.monthly_usd * 100),
    lines: o.lines.map((l) => [l.id, Math.round(l.usd * 100)]),
  }));
}

/** Scrolls to the charts, which the page draws once the reader scrolls near them, and
 * waits for both. */
async function showCharts(page) {
  await page.evaluate(() => document.querySelector(".charts").scrollIntoView());
  await page.waitForSelector("[data-chart=retention] svg");
}

/** Opens every collapsed section (once the whole page is there: the comparison and the
 * charts follow the first estimate) and waits until each has rendered its content. */
async function openAll(page) {
  await page.waitForSelector(".explorer");
  await showCharts(page);
  await page.waitForSelector(".charts-data");
  await page.waitForFunction(() => {
    const all = [...document.querySelectorAll("details")];
    for (const d of all) if (!d.open) d.open = true;
    return all.every((d) => d.children.length > 1);
  });
}

/** Runs axe-core on what `page` shows, in a CSP-bypassing copy (axe is injected inline). */
async function axe(page, label, open) {
  const viewport = page.viewportSize();
  const theme = await page.getAttribute("html", "data-theme");
  const copy = await open(page.url(), { bypassCSP: true, viewport });
  await ready(copy.page);
  await copy.page.evaluate((t) => document.documentElement.setAttribute("data-theme", t), theme);
  await openAll(copy.page);
  await copy.page.addScriptTag({ content: readFileSync("node_modules/axe-core/axe.min.js", "utf8") });
  const result = await copy.page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")})`);
  });
  assertEqual(result, [], `axe-core violations (${label})`);
}

test("opens ?rps=5000&size=2 and reads 10 shards", async ({ open }) => {
  const { page } = await open("?rps=5000&size=2");
  await ready(page);
  assertEqual(await text(page, "[data-option=kinesis-provisioned] .capacity"), "10 shards", "capacity");
  assertEqual(await page.inputValue("#f-mbps"), "9.77", "throughput field (5,000 × 2 KB)");
  await openGroup(page, "traffic");
  assertEqual(await page.inputValue("#f-rps"), "5000", "rps field");
  await noNaN(page);
  await page.screenshot({ path: `${SHOTS}/slice-10-shards.png`, fullPage: true });
});

test("type a workload, read new totals, copy the link, reopen it fresh: same numbers", async ({ open }) => {
  const { page, context } = await open("");
  await ready(page);
  const before = await total(page, "kinesis-provisioned");
  await openGroup(page, "traffic");
  await page.fill("#f-rps", "5120");
  await page.fill("#f-size", "2");
  await page.fill("#f-consumers", "3");
  await page.fill("#f-retention", "7d");
  await page.waitForFunction(() => location.search.includes("retention=7d"));
  const after = await total(page, "kinesis-provisioned");
  assert(after !== before, `total did not change (${before})`);
  assertEqual(await text(page, "[data-option=kinesis-provisioned] .capacity"), "15 shards", "shards for 10 MB/s × 3 consumers");
  const figures = await pageFigures(page);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.click("button.copy-link");
  await page.waitForSelector(".copy-status:has-text('copied')");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // The copied link is the page's whole link at once; the address bar follows it.
  await page.waitForFunction((c) => location.href === c, copied);
  assertEqual(copied, page.url(), "copied link");
  assert(copied.includes("rps=5120&size=2&consumers=3&retention=7d"), `link ${copied}`);
  await page.screenshot({ path: `${SHOTS}/typed-workload.png`, fullPage: true });
  const fresh = await open(copied);
  await ready(fresh.page);
  assertEqual(await pageFigures(fresh.page), figures, "figures in a fresh context");
  assertEqual(await fresh.page.inputValue("#f-retention"), "7d", "retention field");
});

// ---- Typing as a person does: one key at a time, with pauses, through empty and
// invalid states (never fill(): it sets a whole value at once and hides focus loss).
const KEY_DELAY = 60;
const pause = (page) => page.waitForTimeout(250);
const focused = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
async function backspaces(page, n) {
  for (let i = 0; i < n; i++) {
    await page.keyboard.press("Backspace");
    await page.waitForTimeout(KEY_DELAY);
  }
}
/** Clicks into a field, puts the caret at the end and deletes all of it with Backspace. */
async function clearByKeyboard(page, sel) {
  await page.click(sel);
  await page.keyboard.press("End");
  const n = (await page.inputValue(sel)).length;
  await backspaces(page, n);
  await pause(page);
}
const staleText = (page) => page.evaluate(() => document.querySelector(".answer .stale")?.innerText ?? "");
const cheapestCents = (q) => {
  const json = JSON.parse(spawnSync(CLI, ["--json", q], { encoding: "utf8" }).stdout);
  return Math.round(json.options.find((o) => o.id === json.cheapest).monthly_usd * 100);
};

test("typing: clear records/s with Backspace, type 30720: focus kept, link and estimate follow", async ({ open }) => {
  const { page } = await open("");
  await ready(page);
  await openGroup(page, "traffic");
  await clearByKeyboard(page, "#f-rps");
  assertEqual(await page.inputValue("#f-rps"), "", "field empty");
  assertEqual(await focused(page), "f-rps", "focus after emptying the field");
  const stale = await staleText(page);
  assert(stale.includes("Records per second is empty") && stale.includes("last valid records per second: 1."), `stale notice: ${stale}`);
  await page.keyboard.type("30720", { delay: KEY_DELAY });
  await pause(page);
  assertEqual(await page.inputValue("#f-rps"), "30720", "field");
  assertEqual(await focused(page), "f-rps", "focus after typing");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("rps") === "30720");
  assertEqual(await staleText(page), "", "no stale notice once valid");
  assertEqual(Number(await page.getAttribute(".answer-total", "data-total-cents")), cheapestCents("v=3&rps=30720"), "the answer is the CLI's cheapest for v=3&rps=30720");
  assertEqual(await page.inputValue("#f-mbps"), "30", "MB/s follows records/s (30,720 × 1 KB)");
});

test("typing top to bottom: the MB/s typed is the MB/s priced when the record size follows, and the field that followed says so", async ({ open }) => {
  const { page } = await open("");
  await ready(page);
  await openGroup(page, "traffic");
  // Write throughput 20 (MB/s) first, then record size 2 (KB): 20 MB/s of 2 KB records.
  await clearByKeyboard(page, "#f-mbps");
  await page.keyboard.type("20", { delay: KEY_DELAY });
  await pause(page);
  await clearByKeyboard(page, "#f-size");
  await page.keyboard.type("2", { delay: KEY_DELAY });
  await pause(page);
  assertEqual(await page.inputValue("#f-mbps"), "20", "the MB/s typed stays");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("rps") === "10240");
  assertEqual(await page.inputValue("#f-rps"), "10240", "records/s follows: 20 MB/s × 1,024 ÷ 2 KB");
  const note = await text(page, "#f-follow");
  assertEqual(note, "Records per second follows: 10,240 records/s, for 20 MB/s of 2 KB records.", "the field that followed says so");
  assertEqual(await page.getAttribute("#f-follow", "aria-live"), "polite", "announced politely");
  assertEqual(Number(await page.getAttribute(".answer-total", "data-total-cents")), cheapestCents("v=3&rps=10240&size=2"), "the answer prices 20 MB/s of 2 KB records");
  // Records/s typed last: a new size keeps the records/s, MB/s follows (rounded for reading).
  await clearByKeyboard(page, "#f-rps");
  await page.keyboard.type("5000", { delay: KEY_DELAY });
  await pause(page);
  await clearByKeyboard(page, "#f-size");
  await page.keyboard.type("4", { delay: KEY_DELAY });
  await pause(page);
  await page.waitForFunction(() => new URLSearchParams(location.search).get("size") === "4");
  assertEqual(new URLSearchParams(new URL(page.url()).search).get("rps"), "5000", "the records/s typed stays");
  assertEqual(await page.inputValue("#f-mbps"), "19.53", "MB/s follows, rounded for reading (19.53125)");
  assertEqual(await text(page, "#f-follow"), "Write throughput follows: 19.53 MB/s, for 5,000 records/s of 4 KB.", "the note follows");
  await page.screenshot({ path: `${SHOTS}/typed-mbps-then-size.png`, fullPage: false });
});

test("typing: record size 0.2, 200B and a bad unit; throughput as MB/s", async ({ open }) => {
  const { page } = await open("");
  await ready(page);
  await openGroup(page, "traffic");
  await clearByKeyboard(page, "#f-size");
  await page.keyboard.type("0.2", { delay: KEY_DELAY });
  await pause(page);
  assertEqual(await page.inputValue("#f-size"), "0.2", "size field");
  assertEqual(await focused(page), "f-size", "focus through 0 and 0.");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("size") === "0.2");
  await backspaces(page, 3);
  await page.keyboard.type("200B", { delay: KEY_DELAY });
  await pause(page);
  assertEqual(await page.inputValue("#f-size"), "200B", "size field");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("size") === "0.1953125");
  assert((await text(page, "#f-size-hint")).includes("Read as 200 bytes"), "the field says what it read");
  await page.keyboard.type("x", { delay: KEY_DELAY });
  await pause(page);
  assertEqual(await page.inputValue("#f-size"), "200Bx", "the text as typed");
  assertEqual(await focused(page), "f-size", "focus on an invalid value");
  assert((await text(page, "#f-size-error")).includes("unknown unit"), "message at the field");
  const stale = await staleText(page);
  assert(stale.includes("Record size “200Bx”") && stale.includes("last valid record size: 0.1953125 KB"), `stale notice: ${stale}`);
  assert(new URLSearchParams(new URL(page.url()).search).get("size") === "0.1953125", "the link keeps the last valid value");
  await backspaces(page, 1);
  await pause(page);
  assertEqual(await staleText(page), "", "valid again");
  // Throughput as MB/s: records/s follows for 200-byte records (30 MB/s × 1,024 ÷ 0.1953125 KB).
  await clearByKeyboard(page, "#f-mbps");
  await page.keyboard.type("30", { delay: KEY_DELAY });
  await pause(page);
  assertEqual(await focused(page), "f-mbps", "focus in the MB/s field");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("rps") === "157286.4");
  assertEqual(await page.inputValue("#f-rps"), "157286.4", "records/s derived");
  assertEqual(Number(await page.getAttribute(".answer-total", "data-total-cents")), cheapestCents("rps=157286.4&size=0.1953125"), "the answer for the typed throughput");
});

test("typing: every field and select keeps focus and its text through invalid and empty states", async ({ open }) => {
  const { page } = await open("?open=traffic,readers,network,kafka,dr,prices,sizing");
  await ready(page);
  const ids = await page.locator(".workload input[type=text]").evaluateAll((els) => els.map((e) => e.id));
  assert(ids.length >= 28, `fields: ${ids}`);
  for (const id of ids) {
    const sel = `#${id}`;
    const original = await page.inputValue(sel);
    await page.click(sel);
    await page.keyboard.press("End");
    await page.keyboard.type("x!", { delay: KEY_DELAY });
    await pause(page);
    assertEqual(await page.inputValue(sel), `${original}x!`, `${id}: the text as typed`);
    assertEqual(await focused(page), id, `${id}: focus on an invalid value`);
    assert((await staleText(page)).includes("Showing the estimate for the last valid"), `${id}: stale notice`);
    await backspaces(page, original.length + 2);
    await pause(page);
    assertEqual(await page.inputValue(sel), "", `${id}: emptied`);
    assertEqual(await focused(page), id, `${id}: focus on an empty field`);
    await page.keyboard.type(original, { delay: KEY_DELAY });
    await pause(page);
    assertEqual(await page.inputValue(sel), original, `${id}: retyped`);
    assertEqual(await focused(page), id, `${id}: focus after retyping`);
    assertEqual(await staleText(page), "", `${id}: valid again`);
  }
  for (const id of await page.locator(".workload select").evaluateAll((els) => els.map((e) => e.id))) {
    await page.focus(`#${id}`);
    await page.keyboard.press("ArrowDown");
    await pause(page);
    assertEqual(await focused(page), id, `${id}: focus after choosing with the keyboard`);
  }
  await noNaN(page);
});

test("typing the workload's shape: streams, Kinesis aggregation, compression, replays; the link reopens the same numbers", async ({ open }) => {
  const { page } = await open("?rps=50000&size=0.1953125&consumers=2");
  await ready(page);
  // Small records: the Kinesis cards say what aggregation would save.
  assert((await text(page, "[data-option=kinesis-provisioned] .warnings")).includes("aggregating them into 25 KB"), "aggregation advice");
  await openGroup(page, "traffic");
  await clearByKeyboard(page, "#f-streams");
  await page.keyboard.type("40", { delay: KEY_DELAY });
  await page.click("#f-aggregate");
  await page.keyboard.type("25", { delay: KEY_DELAY });
  await clearByKeyboard(page, "#f-compression");
  await page.keyboard.type("2", { delay: KEY_DELAY });
  await clearByKeyboard(page, "#f-retention");
  await page.keyboard.type("30d", { delay: KEY_DELAY });
  await clearByKeyboard(page, "#f-replay");
  await page.keyboard.type("1.5", { delay: KEY_DELAY });
  await pause(page);
  await page.waitForFunction(() => location.search.includes("streams=40&aggregate=25&compression=2&replay=1.5"));
  const q = new URL(page.url()).search.slice(1);
  const figures = await pageFigures(page);
  assertEqual(figures, cliFigures(q), "the page's figures are the CLI's");
  assertEqual(await page.locator("[data-option=kinesis-provisioned] tr[data-line=long_term_retrieval]").count(), 1, "replays of data older than 7 days are priced");
  assertEqual(await text(page, "[data-option=kinesis-provisioned] .capacity"), "40 shards over 40 streams", "a shard per stream");
  assert((await text(page, "[data-option=kinesis-on-demand] .warnings")).includes("Multiplexing the 40 streams into one"), "multiplexing advice");
  assert((await text(page, ".derived")).includes("Before compression"), "derived figures show the compression");
  const fresh = await open(page.url());
  await ready(fresh.page);
  assertEqual(await pageFigures(fresh.page), figures, "same figures from the link");
  assertEqual(await fresh.page.inputValue("#f-aggregate"), "25", "aggregate field");
});

test("the Readers group typed key by key: Firehose, Lambda and Flink priced on both platforms, the endpoint on VPC traffic only, Kafka compressed alone; the link reopens it", async ({ open }) => {
  const { page } = await open("?v=4&rps=25000&size=1.5&peak=2&retention=48h");
  await ready(page);
  await openAll(page);
  const lineText = (sel) => page.locator(sel).first().textContent();
  const endpointBefore = await lineText("[data-option=kinesis-provisioned] tr[data-line=endpoint_data]");
  await page.click("#f-firehose");
  await page.keyboard.press("Backspace");
  await pause(page);
  await page.keyboard.type("x", { delay: KEY_DELAY });
  await pause(page);
  assert((await text(page, "#f-firehose-error")).length > 0, "text where a count goes is named");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("1", { delay: KEY_DELAY });
  await page.selectOption("#f-parquet", "true");
  await clearByKeyboard(page, "#f-lambda");
  await page.keyboard.type("1", { delay: KEY_DELAY });
  await clearByKeyboard(page, "#f-flink");
  await page.keyboard.type("4", { delay: KEY_DELAY });
  await clearByKeyboard(page, "#f-compression");
  await page.keyboard.type("5", { delay: KEY_DELAY });
  await pause(page);
  await page.waitForFunction(() => location.search.includes("compression=5") && location.search.includes("firehose=1&parquet=true&lambda=1&flink=4"));
  await noNaN(page);
  for (const id of ["kinesis-provisioned", "msk-standard"]) {
    assertEqual(await page.locator(`[data-option=${id}] tr[data-line=flink_kpu_hours]`).count(), 1, `${id}: Flink priced`);
    assertEqual(await page.locator(`[data-option=${id}] tr[data-line=firehose_parquet]`).count(), 1, `${id}: Parquet conversion priced`);
  }
  assertEqual(await page.locator("[data-option=kinesis-provisioned] tr[data-line=firehose_ingest]").count(), 1, "Firehose from the stream");
  assertEqual(await page.locator("[data-option=msk-standard] tr[data-line=private_connectivity_hours]").count(), 1, "MSK private connectivity for Firehose");
  assertEqual(await lineText("[data-option=kinesis-provisioned] tr[data-line=endpoint_data]"), endpointBefore, "service-side readers don't pass the VPC endpoint");
  const q = new URL(page.url()).search.slice(1);
  assert(!q.includes("kinesis_compression"), "Kinesis keeps 1:1 (the default)");
  const figures = await pageFigures(page);
  assertEqual(figures, cliFigures(q), "the page's figures are the CLI's");
  const fresh = await open(page.url());
  await ready(fresh.page);
  assertEqual(await pageFigures(fresh.page), figures, "same figures from the link");
  assertEqual(await fresh.page.inputValue("#f-flink"), "4", "Flink KPUs field");
});

test("what teams weigh it against: typed key by key, an audit log needs no stream, and self-managed Kafka prices its replication", async ({ open }) => {
  const { page } = await open("?v=4");
  await ready(page);
  await openGroup(page, "traffic");
  await openGroup(page, "readers");
  // The SaaS audit log: 50 events/s of 3 KB, kept a year, read only by an S3 delivery.
  await clearByKeyboard(page, "#f-rps");
  await page.keyboard.type("50", { delay: KEY_DELAY });
  await clearByKeyboard(page, "#f-size");
  await page.keyboard.type("3", { delay: KEY_DELAY });
  await clearByKeyboard(page, "#f-retention");
  await page.keyboard.type("365d", { delay: KEY_DELAY });
  await clearByKeyboard(page, "#f-firehose");
  await page.keyboard.type("1", { delay: KEY_DELAY });
  await pause(page);
  // A real-time reader is still there: no stream is not eligible, and says why.
  await page.waitForFunction(() => document.querySelector("[data-option=firehose-direct] .reasons")?.textContent.includes("Real-time readers need a stream"));
  await clearByKeyboard(page, "#f-consumers");
  await page.keyboard.type("0", { delay: KEY_DELAY });
  await pause(page);
  await page.waitForFunction(() => location.search.includes("consumers=0") && location.search.includes("firehose=1"));
  await noNaN(page);
  await page.waitForFunction(() => document.querySelector(".answer")?.textContent.includes("a stream may be unnecessary"));
  assert((await text(page, ".answer")).includes("No stream: Firehose Direct PUT to S3"), "the answer names no stream");
  const q = new URL(page.url()).search.slice(1);
  assertEqual(await pageFigures(page), cliFigures(q), "the page's figures are the CLI's");
  // Self-managed Kafka: an S3 delivery needs a connector's size; with one, priced with its replication.
  assert((await text(page, "[data-option=kafka-ec2]")).includes("Give its size in MCUs as MSK Connect"), "self-managed Kafka asks for the connector's size, by the field's name");
  const fresh = await open("?v=4&rps=1000&size=1");
  await ready(fresh.page);
  await openAll(fresh.page);
  assertEqual(await fresh.page.locator("[data-option=kafka-ec2] tr[data-line=cross_az_replication]").count(), 1, "replication across AZs priced");
  assertEqual(await fresh.page.locator("[data-option=kafka-ec2] .amount").first().getAttribute("data-total-cents"), "57945", "the hand-worked $579.45");
  assertEqual(await fresh.page.locator("[data-option=firehose-direct] .amount").count(), 0, "no stream: not eligible, no figure");
  // A DR pair with MirrorMaker 2, chosen in the form; its capacity typed through an invalid state.
  const dr = await open("?v=4&rps=1000&dr=us-east-2&open=dr");
  await ready(dr.page);
  await dr.page.selectOption("#f-dr_replication", "mm2");
  await clearByKeyboard(dr.page, "#f-mm2_mcus");
  await dr.page.keyboard.type("-5", { delay: KEY_DELAY });
  await pause(dr.page);
  assert((await text(dr.page, "#f-mm2_mcus-error")).length > 0, "a negative capacity is named");
  await clearByKeyboard(dr.page, "#f-mm2_mcus");
  await dr.page.keyboard.type("5", { delay: KEY_DELAY });
  await dr.page.waitForFunction(() => location.search.includes("dr_replication=mm2") && location.search.includes("mm2_mcus=5"));
  await noNaN(dr.page);
  await openAll(dr.page);
  assertEqual(await dr.page.locator("[data-option=msk-standard] tr[data-line=mm2_mcu_hours]").getAttribute("data-cents"), "40150", "5 MCUs × 730 h × $0.11");
  const dq = new URL(dr.page.url()).search.slice(1);
  assertEqual(await pageFigures(dr.page), cliFigures(dq), "the page's figures are the CLI's");
});

test("a link's first paint is its own: the default figures never show as the link's", async ({ open }) => {
  const q = "?rps=20000&size=4&consumers=3&retention=7d";
  const defaults = JSON.parse(spawnSync(CLI, ["--json", ""], { encoding: "utf8" }).stdout);
  const defaultTotals = defaults.options.filter((o) => o.monthly_usd !== null).map((o) => `$${o.monthly_usd.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
  const onScreen = (page) => page.evaluate(() => document.body.innerText);
  // The module never arrives: the page says so and shows none of the default totals.
  const blocked = await open(q, {
    allow: /Failed to load resource|did not start/,
    before: (page) => page.route(/\.wasm$/, (route) => route.abort()),
  });
  await blocked.page.waitForSelector("html.link-failed");
  const shown = await onScreen(blocked.page);
  for (const t of defaultTotals) assert(!shown.includes(t), `the default total ${t} is on screen`);
  assert(!shown.includes("Monthly cost in"), "no cards");
  assert(shown.includes("This link's estimate could not be computed"), "says why");
  assert(shown.includes("rps=20000, size=4, consumers=3, retention=7d"), "names the link's workload");
  await blocked.page.screenshot({ path: `${SHOTS}/link-wasm-blocked.png` });
  // The module is slow: until it runs, the page says it is computing, then shows the link's own.
  let release;
  const held = new Promise((ok) => (release = ok));
  const slow = await open(q, { before: (page) => page.route(/\.wasm$/, async (route) => { await held; await route.continue(); }) });
  await slow.page.waitForSelector(".link-pending-note", { state: "visible" });
  const before = await onScreen(slow.page);
  for (const t of defaultTotals) assert(!before.includes(t), `the default total ${t} is on screen before the module`);
  assert(before.includes("Computing the estimate for this link"), "says it is computing");
  release();
  await ready(slow.page);
  await slow.page.waitForSelector(".link-pending-note", { state: "hidden" });
  const cli = JSON.parse(spawnSync(CLI, ["--json", q.slice(1)], { encoding: "utf8" }).stdout);
  const kp = cli.options.find((o) => o.id === "kinesis-provisioned");
  assertEqual(await total(slow.page, "kinesis-provisioned"), `$${kp.monthly_usd.toLocaleString("en-US", { minimumFractionDigits: 2 })}`, "the link's own total");
});

// Every link parameter's name, as a card or the answer must never show it.
const PARAM_NAME = /\b(rps|size|peak|consumers|efo|retention|region|shards|broker|brokers|storage|express|express_brokers|partitions|azs|rf|rack_aware|discount|tiered|streams|aggregate|compression|replay|network|sizing|target|headroom|ops|connect|dr|dr_replication|mm2_mcus|need|kinesis_compression|firehose|parquet|lambda|lambda_provisioned|flink)=/;

test("a newcomer's first screen: the answer, why and every option's total at 1366×768, the answer first on a phone and every total within two screens; the table's totals are the CLI's", async ({ open }) => {
  const q = "v=4&rps=10240&size=2&consumers=3&retention=3d";
  const cli = cliTotals(q);
  for (const [width, height, tag] of [[1366, 768, "laptop"], [390, 844, "phone"]]) {
    for (const theme of ["light", "dark"]) {
      const { page } = await open(`?${q}`, { viewport: { width, height }, colorScheme: theme });
      await ready(page);
      const rows = await page.$$eval("#comparison tbody tr", (trs) =>
        trs.map((tr) => ({
          id: tr.dataset.row,
          cents: tr.querySelector(".total[data-total-cents]")?.dataset.totalCents ?? null,
          status: tr.querySelector(".total").innerText,
          bottom: tr.getBoundingClientRect().bottom + window.scrollY,
        })),
      );
      assertEqual(rows.length, 8, "every option has a row");
      for (const r of rows) {
        if (r.cents === null) assertEqual(r.status, "Not eligible", `${r.id}: its status`);
        else assertEqual(Number(r.cents), cli[r.id], `${r.id}: the table's total is the CLI's`);
      }
      assertEqual(rows[0].id, "kinesis-provisioned", "cheapest first");
      const bottom = async (sel) => {
        const b = await page.locator(sel).boundingBox();
        return b.y + b.height;
      };
      const last = Math.max(...rows.map((r) => r.bottom));
      if (tag === "laptop") {
        assert((await bottom(".answer-why")) <= height, "why is on the first screen");
        assert(last <= height, `every total on the first screen (the last row ends at ${last} px)`);
        const why = await text(page, ".answer-why");
        assert(why.includes("The VPC endpoint is 64 % of Kinesis provisioned's bill") && why.includes("MSK Express, next, costs $1,432.28 more a month"), why);
        assertEqual(await text(page, ".answer-echo"), "20 MB/s of 2 KB records, 3 readers, 3 days, us-east-1", "the workload echoed");
        assert(await page.locator(".answer-tools button.copy-link").isVisible(), "Copy link beside the answer");
      } else {
        assert((await bottom(".answer-cheapest")) <= height, "the answer on the first screen");
        assert(last <= 2 * height, `every total within two screens (the last row ends at ${last} px)`);
      }
      await page.screenshot({ path: `${SHOTS}/first-screen-${tag}-${width}-${theme}.png` });
    }
  }
});

test("five fields until asked for more: the groups open by keyboard, say what changed, and the page speaks in words, not link parameters", async ({ open }) => {
  const { page } = await open("?v=4&rps=10240&size=2&consumers=3&retention=3d&efo=1&network=nat&dr=us-west-2");
  await ready(page);
  assertEqual(await page.locator(".workload > .fields > .field").count(), 5, "five core fields");
  assertEqual(await page.locator(".workload .groups details").count(), 7, "seven groups");
  assertEqual(await page.locator(".workload .groups details[open]").count(), 0, "all closed");
  for (const [id, n] of [["readers", 1], ["network", 1], ["dr", 1], ["traffic", 0], ["kafka", 0]]) {
    const summary = await text(page, `details[data-section=${id}] > summary`);
    assertEqual(summary.includes(`${n} changed`), n > 0, `${id}: ${summary}`);
  }
  // Keyboard: from the Region, Tab reaches the first group; Enter opens it; Tab enters it.
  await page.focus("#f-region");
  await page.keyboard.press("Tab");
  assertEqual(await page.evaluate(() => document.activeElement.parentElement.dataset.section), "traffic", "Tab reaches the first group");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#f-rps");
  await page.keyboard.press("Tab");
  assertEqual(await focused(page), "f-rps", "Tab enters the group");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("open") === "traffic");
  // Space closes it again.
  await page.focus("details[data-section=traffic] > summary");
  await page.keyboard.press("Space");
  await page.waitForFunction(() => !document.querySelector("#f-rps"));
  // Words, not parameters: cards, the answer, the comparison and the decision helper.
  await page.waitForSelector(".decision");
  for (const sel of [".card", ".answer", "#comparison", ".decision", ".legacy-notice"]) {
    for (const t of await page.locator(sel).allInnerTexts()) {
      const m = t.match(PARAM_NAME);
      assert(!m, `${sel} shows the link parameter ${m && m[0]}: ${t.slice(Math.max(0, t.indexOf(m && m[0]) - 60), t.indexOf(m && m[0]) + 40)}`);
    }
  }
  // Two warnings in view per card at most; the rest behind "n more".
  const inView = await page.$$eval(".card", (cards) => cards.map((c) => c.querySelectorAll(":scope > ul.warnings > li").length));
  assert(inView.every((n) => n <= 2), `warnings in view: ${inView}`);
  const more = page.locator("[data-option=kinesis-provisioned] details.more-warnings > summary");
  if (await more.count()) {
    assert(/^\d+ more notes?$/.test(await more.innerText()), await more.innerText());
  }
  await page.screenshot({ path: `${SHOTS}/groups-closed.png`, fullPage: false });
});

test("accessibility of the answer: a skip link to the results, the new cheapest total announced once typing pauses, no alert while a field is briefly empty", async ({ open }) => {
  const { page } = await open("?v=4");
  await ready(page);
  await page.keyboard.press("Tab");
  assertEqual(await page.evaluate(() => document.activeElement.className), "skip-link", "the first Tab reaches the skip link");
  assertEqual(await page.evaluate(() => document.activeElement.innerText), "Skip to the results", "its text");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => location.hash === "#answer" && document.activeElement?.id === "answer");
  const live = ".answer .announce";
  await page.waitForTimeout(600);
  assertEqual(await text(page, live), "", "nothing announced for the page as opened");
  // Type 50 MB/s key by key: nothing is said on each key, the new cheapest once typing pauses.
  await clearByKeyboard(page, "#f-mbps");
  assertEqual(await page.locator("[role=alert]").count(), 0, "no alert while the field is empty");
  await page.keyboard.type("50", { delay: KEY_DELAY });
  await page.waitForFunction((sel) => document.querySelector(sel)?.innerText.startsWith("Cheapest"), live);
  const said = await text(page, live);
  const cents = cheapestCents(new URL(page.url()).search.slice(1));
  assert(said.includes((cents / 100).toLocaleString("en-US", { style: "currency", currency: "USD" })), `announced: ${said} (CLI ${cents})`);
  assertEqual(await page.locator("[role=alert]").count(), 0, "no alert on the page");
});

test("a 390×844 phone sees the answer on its first screen, light and dark", async ({ open }) => {
  for (const [q, theme] of [["?rps=30720&consumers=4&retention=3d&region=eu-west-1", "light"], ["?rps=30720&consumers=4&retention=3d&need=kafka-api", "dark"]]) {
    const { page } = await open(q, { viewport: { width: 390, height: 844 }, colorScheme: theme });
    await ready(page);
    if (q.includes("need=")) await page.waitForSelector(".answer-rec");
    const box = await page.locator(".answer").boundingBox();
    assert(box && box.y + box.height <= 844, `the answer ends at ${box && box.y + box.height} px`);
    assertEqual(Number(await page.getAttribute(".answer-total", "data-total-cents")), cheapestCents(q.slice(1)), "cheapest total");
    if (q.includes("need=")) assert((await text(page, ".answer-rec")).includes("Recommended for your must-have"), "recommendation on the first screen");
    await page.screenshot({ path: `${SHOTS}/phone-390-first-screen-${theme}.png` });
    // The charts' axis text, scaled to a phone's width, stays readable (≥ 11 px on screen).
    await showCharts(page);
    const tick = await page.locator("[data-chart=throughput] svg .grid text").first().evaluate((t) => t.getBoundingClientRect().height);
    assert(tick >= 11, `axis text is ${tick} px tall on a phone`);
    await page.locator("[data-chart=throughput]").screenshot({ path: `${SHOTS}/phone-390-chart-${theme}.png` });
  }
});

test("line items on the page equal the CLI's JSON for the same link", async ({ open }) => {
  for (const q of ["", "rps=5120&size=2&consumers=3&retention=7d", "rps=20000&size=4.5&peak=2&consumers=4&efo=2&retention=30d&discount=12.5", "region=eu-west-1&azs=2&rack_aware=true", "rps=400000&size=1&broker=kafka.m5.4xlarge&partitions=500"]) {
    const { page } = await open(`?${q}`);
    await ready(page);
    assertEqual(await pageFigures(page), cliFigures(q), `figures for ?${q}`);
  }
});

test("open sections travel in the link", async ({ open }) => {
  const { page } = await open("?rps=5000&open=kafka,kinesis-provisioned");
  await ready(page);
  assert(await page.locator("details[data-section=kafka]").evaluate((d) => d.open), "Kafka layout closed");
  assert(await page.locator("[data-option=kinesis-provisioned] details.lines").evaluate((d) => d.open), "line items closed");
  assert(!(await page.locator("[data-option=msk-express] details.lines").evaluate((d) => d.open)), "msk-express open");
  await page.click("[data-option=msk-express] details.lines summary");
  await page.waitForFunction(() => location.search.includes("msk-express"));
  await page.click("details[data-section=kafka] > summary");
  await page.waitForFunction(() => !new URLSearchParams(location.search).get("open").includes("kafka"));
  const fresh = await open(page.url());
  await ready(fresh.page);
  assert(await fresh.page.locator("[data-option=msk-express] details.lines").evaluate((d) => d.open), "reopened link lost the section");
  assert(!(await fresh.page.locator("details[data-section=kafka]").evaluate((d) => d.open)), "Kafka layout reopened");
  // An older link's "Advanced" opens the groups that hold what it held.
  const old = await open("?rps=5000&open=advanced");
  await ready(old.page);
  for (const id of ["kafka", "dr", "prices", "sizing"]) {
    assert(await old.page.locator(`details[data-section=${id}]`).evaluate((d) => d.open), `${id} closed`);
  }
  assert(!(await old.page.locator("details[data-section=traffic]").evaluate((d) => d.open)), "traffic opened");
});

test("a link with bad parameters opens with a notice naming each one", async ({ open }) => {
  const { page } = await open("?rps=abc&size=-2&region=mars-1&colour=blue&consumers=3");
  await ready(page);
  const notice = await text(page, ".notice");
  for (const name of ["rps=abc", "size=-2", "region=mars-1", "colour=blue"]) {
    assert(notice.includes(name), `notice does not name ${name}: ${notice}`);
  }
  assertEqual(await page.inputValue("#f-consumers"), "3", "valid parameter still applies");
  await noNaN(page);
  await page.screenshot({ path: `${SHOTS}/bad-link-notice.png`, fullPage: true });
  await page.click(".notice button.dismiss");
  assertEqual(await page.locator(".notice").count(), 0, "notice dismissed");
});

/** Totals of the CLI for a link, by option id (null when it has none). */
function cliTotals(query) {
  return Object.fromEntries(cliFigures(query).map((o) => [o.id, o.total_cents]));
}

test("a link priced with an older price book says so, keeps its address, and takes today's prices in one key press", async ({ open }) => {
  // A book older than the change log's start: the log cannot rebuild it, and says so.
  const old = "v=4&prices=2026-06-01&rps=30720&consumers=4&retention=3d";
  const { page } = await open(`?${old}`);
  await ready(page);
  const notice = await text(page, "[aria-label='Older prices']");
  assert(notice.includes(`This link was priced with the price book of 2026-06-01; today's is of ${EDITION}.`), notice);
  assert(notice.includes("cannot be rebuilt"), notice);
  assert(!/\bprices=/.test(notice), `no link parameters in the notice: ${notice}`);
  // Its totals are the CLI's for the same link.
  const card = (id) => page.getAttribute(`[data-option=${id}] .amount`, "data-total-cents").then(Number);
  assertEqual(await card("kinesis-provisioned"), cliTotals(old)["kinesis-provisioned"], "the link's own estimate");
  await page.waitForTimeout(500);
  assertEqual(new URL(page.url()).search, `?${old}`, "the address stays the link as opened");
  await page.focus("[aria-label='Older prices'] button.adopt");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => !document.querySelector("[aria-label='Older prices']"));
  await page.waitForFunction((q) => location.search === `?${q}`, dated("v=4&rps=30720&consumers=4&retention=3d"));
  await noNaN(page);
  // A date that is not one: named among the link's problems, and the rest applies.
  const bad = await open("?v=4&prices=June&rps=30720");
  await ready(bad.page);
  assert((await text(bad.page, ".notice")).includes("prices=June: not a date (YYYY-MM-DD)"), await text(bad.page, ".notice"));
  assertEqual(await bad.page.inputValue("#f-mbps"), "30", "the rest of the link applies: 30,720 records/s of 1 KB");
});

test("typing keeps each card's shape: the advice follows once typing pauses, marked as updating meanwhile", async ({ open }) => {
  const { page } = await open("?v=4&rps=5120&size=2&consumers=3&retention=7d");
  await ready(page);
  const list = "[data-option=kinesis-provisioned] .warnings:not(details .warnings)";
  const before = await page.locator(`${list} li`).count();
  assert(before >= 1, "Kinesis provisioned's card has advice");
  assertEqual(await page.locator(`${list}.pending`).count(), 0, "not pending as opened");
  await page.focus("#f-mbps");
  await page.keyboard.press("End");
  // At the moment the new total is in the page (the same render), the card shows the
  // same number of sentences, marked as updating.
  // (The observer is in place before the key is pressed; what it saw is read after.)
  await page.evaluate((sel) => {
    const total = document.querySelector("[data-option=kinesis-provisioned] .amount");
    const was = total.textContent;
    const obs = new MutationObserver(() => {
      if (total.textContent === was) return;
      obs.disconnect();
      const ul = document.querySelector(sel);
      window.__seen = { pending: ul?.classList.contains("pending") ?? false, busy: ul?.getAttribute("aria-busy"), items: ul?.querySelectorAll("li").length ?? 0 };
    });
    obs.observe(total, { characterData: true, childList: true, subtree: true });
  }, list);
  await page.keyboard.type("5", { delay: KEY_DELAY });
  await page.waitForFunction(() => window.__seen, null, { timeout: 10_000 });
  const during = await page.evaluate(() => window.__seen);
  assertEqual(during, { pending: true, busy: "true", items: before }, "while typing: the last advice, marked as updating");
  // Once typing pauses, the advice is the new workload's.
  await page.waitForFunction((sel) => !document.querySelector(`${sel}.pending`), list);
  await noNaN(page);
  const q = new URL(page.url()).search.slice(1);
  const json = JSON.parse(spawnSync(CLI, ["--json", q], { encoding: "utf8" }).stdout);
  const cliNotes = json.options.find((o) => o.id === "kinesis-provisioned").warnings;
  const shown = await page.locator("[data-option=kinesis-provisioned] .warnings li").allTextContents();
  assertEqual(shown.length, cliNotes.length, "the card's notes are the CLI's for the new link");
  assertEqual(shown[0].slice(0, 40), cliNotes[0].slice(0, 40), "the first note is the CLI's");
});

test("an older link keeps its estimate, says what today's defaults change, and adopts them in one click", async ({ open }) => {
  // A link made before link format v2 (no v=): Kinesis priced with no network path, as then.
  const old = "rps=30720&consumers=4&retention=3d";
  const { page } = await open(`?${old}`);
  await ready(page);
  const then = cliTotals(old);
  const card = (id) => page.getAttribute(`[data-option=${id}] .amount`, "data-total-cents").then(Number);
  assertEqual(await card("kinesis-provisioned"), then["kinesis-provisioned"], "the old link's own estimate");
  assertEqual(then["kinesis-provisioned"], 266325, "as v1 priced it: $2,663.25");
  const notice = await text(page, ".legacy-notice");
  assert(notice.includes("Network path to Kinesis: none priced (today: interface VPC endpoint)") && notice.includes("Tiered storage (Kafka): off (all on the brokers) (today: auto)") && notice.includes("Sizing rules: as links made before December 2026 (today: today's (AWS guidance))"), notice);
  assert(!/\b(network|tiered|sizing)=/.test(notice), `no link parameters in the notice: ${notice}`);
  assert(notice.includes("Kinesis Data Streams, provisioned: $2,663.25/month → $6,534.76/month"), notice);
  await page.waitForTimeout(500);
  assertEqual(new URL(page.url()).search, `?${old}`, "the address stays the link as opened");
  await page.screenshot({ path: `${SHOTS}/older-link-notice.png`, fullPage: false });
  // One click (with the keyboard): today's defaults.
  await page.focus(".legacy-notice button.adopt");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => !document.querySelector(".legacy-notice"));
  const today = dated("v=4&rps=30720&consumers=4&retention=3d");
  await page.waitForFunction((q) => location.search === `?${q}`, today);
  const now = cliTotals(today);
  assertEqual(await card("kinesis-provisioned"), now["kinesis-provisioned"], "today's defaults: the CLI's figure");
  assertEqual(now["kinesis-provisioned"], 653476, "with an interface endpoint: $6,534.76");
  await openGroup(page, "network");
  assertEqual(await page.inputValue("#f-network"), "endpoint", "network select");
  await noNaN(page);
});

test("the network path and rack-aware consumers: named beside the answer, each a link that opens its field", async ({ open }) => {
  const { page } = await open("?v=3&rps=30720&consumers=4&retention=3d");
  await ready(page);
  // The answer names the network path it assumed; its link opens the Network group and
  // focuses the field, by keyboard.
  const link = page.locator(".assumptions a.field-link[href='#f-network']");
  assert((await link.innerText()).includes("interface VPC endpoint"), "the assumption in words");
  assert(!(await page.locator("details[data-section=network]").evaluate((d) => d.open)), "network group closed");
  await link.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id === "f-network");
  assert(await page.locator("details[data-section=network]").evaluate((d) => d.open), "the group opened");
  // Keyboard: choose the NAT gateway.
  await page.focus("#f-network");
  await page.selectOption("#f-network", "nat");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("network") === "nat");
  const nat = cliTotals("v=3&rps=30720&consumers=4&retention=3d&network=nat");
  const card = (id) => page.getAttribute(`[data-option=${id}] .amount`, "data-total-cents").then(Number);
  assertEqual(await card("kinesis-provisioned"), nat["kinesis-provisioned"], "NAT priced as the CLI");
  // Rack-aware: the MSK cards said what it saves; ticking it removes the cross-AZ reads.
  const before = await card("msk-express");
  const says = await text(page, "[data-option=msk-express]");
  assert(says.includes("Rack-aware consumers (follower fetching) read from their own AZ"), "the Express card says what rack-aware saves, by the field's name");
  await page.focus("#f-rack_aware");
  await page.keyboard.press("Space");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("rack_aware") === "true");
  const after = await card("msk-express");
  assert(after < before, `rack-aware is cheaper: ${after} < ${before}`);
  assertEqual(after, cliTotals("v=3&rps=30720&consumers=4&retention=3d&network=nat&rack_aware=true")["msk-express"], "as the CLI");
});

test("one sizing policy: typing the disk headroom and the target resizes every provisioned card", async ({ open }) => {
  const q = "v=3&rps=5120&peak=2&consumers=3&retention=7d&tiered=off";
  const { page } = await open(`?${q}`);
  await ready(page);
  const card = (id) => page.getAttribute(`[data-option=${id}] .amount`, "data-total-cents").then(Number);
  const policy = await text(page, "[data-option=msk-standard] .policy");
  assert(policy.includes("50 % peak utilisation, 2× disk (AWS MSK sizing guidance)"), policy);
  assert((await text(page, "[data-option=msk-express] .policy")).includes("75 % peak utilisation"), "Express at 75 %");
  // Headroom 1×, typed, through an invalid value (0) and back.
  await openGroup(page, "sizing");
  await page.click("#f-headroom");
  await page.keyboard.type("0", { delay: KEY_DELAY });
  await pause(page);
  assert((await staleText(page)).includes("Disk headroom"), "the answer names the invalid headroom");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("1", { delay: KEY_DELAY });
  await page.waitForFunction(() => new URLSearchParams(location.search).get("headroom") === "1");
  assertEqual(await focused(page), "f-headroom", "focus kept");
  const one = cliTotals(`${q}&headroom=1`);
  assertEqual(await card("msk-standard"), one["msk-standard"], "Standard at 1× disk, as the CLI");
  assert((await text(page, "[data-option=msk-standard] .policy")).includes("1× disk (yours)"), "the card says whose headroom");
  // One target, 80 %, for every provisioned option.
  await page.click("#f-target");
  await page.keyboard.type("80", { delay: KEY_DELAY });
  await page.waitForFunction(() => new URLSearchParams(location.search).get("target") === "80");
  const eighty = cliTotals(`${q}&target=80&headroom=1`);
  for (const id of ["kinesis-provisioned", "msk-standard", "msk-express"]) {
    assertEqual(await card(id), eighty[id], `${id} at 80 %`);
    assert((await text(page, `[data-option=${id}] .policy`)).includes("80 % peak utilisation"), `${id} says 80 %`);
  }
  assert(eighty["kinesis-provisioned"] > one["kinesis-provisioned"], "more shards at 80 % than at their limits");
  await noNaN(page);
  await page.screenshot({ path: `${SHOTS}/sizing-policy.png` });
});

test("typing two missing rates into a not-priced card prices it; the link reopens it", async ({ open }) => {
  // Kinesis has no AWS-sourced rates in eu-west-1: the card asks for the two its lines need.
  const q = "v=3&region=eu-west-1&network=none";
  const { page } = await open(`?${q}`);
  await ready(page);
  const card = "[data-option=kinesis-provisioned]";
  assertEqual(await page.getAttribute(card, "class").then((c) => c.includes("not-priced")), true, "not priced at first");
  const shard = '[id="r-kinesis_provisioned.shard_hour"]';
  const put = '[id="r-kinesis_provisioned.put_payload_units_million"]';
  assert((await text(page, `${card} .rates-note`)).includes("Add your rates for eu-west-1"), "the card says where to give its rates");
  assert((await text(page, "#rates-eu-west-1")).includes("AWS's pricing page"), "the Region's panel links AWS's pricing page");
  // A typo first: named, nothing priced, focus kept.
  await page.click(shard);
  await page.keyboard.type("0.0l", { delay: KEY_DELAY });
  await pause(page);
  assert((await text(page, "#rates-eu-west-1 .error")).includes("not a number"), "the typo is named");
  assertEqual(await focused(page), "r-kinesis_provisioned.shard_hour", "focus kept on a typo");
  await backspaces(page, 1);
  await page.keyboard.type("165", { delay: KEY_DELAY });
  await pause(page);
  assertEqual(await page.inputValue(shard), "0.0165", "shard-hour field as typed");
  await page.click(put);
  await page.keyboard.type("0.0154", { delay: KEY_DELAY });
  await page.waitForFunction(() => new URLSearchParams(location.search).get("rate.kinesis_provisioned.put_payload_units_million") === "0.0154");
  assertEqual(await focused(page), "r-kinesis_provisioned.put_payload_units_million", "focus kept as the card turns priced");
  assertEqual(await page.inputValue(put), "0.0154", "PUT field as typed");
  // 730 h × $0.0165 + 2,628 M PUT units × $0.0154 = $12.05 + $40.47.
  const cents = () => page.getAttribute(`${card} .amount`, "data-total-cents").then(Number);
  assertEqual(await cents(), 5252, "Kinesis provisioned priced at the typed rates");
  // Emptied with Backspace: refused and named, focus kept, the last valid rate still priced;
  // typed again key by key.
  await clearByKeyboard(page, shard);
  assertEqual(await page.inputValue(shard), "", "shard-hour field empty");
  assertEqual(await focused(page), "r-kinesis_provisioned.shard_hour", "focus kept when empty");
  // (Backspace passed through "0", a valid rate: the card says which rate it shows.)
  const error = await text(page, "#rates-eu-west-1 .error");
  assert(error.includes("required") && error.includes("Priced at the last valid rate, 0."), `the empty rate is named: ${error}`);
  assertEqual(await cents(), 4047, "priced at the last valid rate: $0 shard-hours + $40.47 PUT units");
  await page.keyboard.type("0.0165", { delay: KEY_DELAY });
  await pause(page);
  assertEqual(await page.inputValue(shard), "0.0165", "retyped");
  assertEqual(await page.locator("#rates-eu-west-1 .error").count(), 0, "no error once valid");
  const link = await page.evaluate(() => location.search);
  assert(link.includes("rate.kinesis_provisioned.shard_hour=0.0165"), link);
  const cli = cliTotals(link.slice(1));
  assertEqual(cli["kinesis-provisioned"], 5252, "the CLI prices the same link the same");
  await page.screenshot({ path: `${SHOTS}/your-rates.png` });
  // Reopen the link fresh: the same total, the lines marked as the user's.
  const again = await open(`${link}&open=kinesis-provisioned`);
  await ready(again.page);
  assertEqual(Number(await again.page.getAttribute(`${card} .amount`, "data-total-cents")), 5252, "reopened");
  const lines = await again.page.locator(`${card} .lines tbody`).innerText();
  assert(lines.includes("Shard-hours (1 shards × 730 h) (your rate)") && lines.includes("25 KB each) (your rate)"), `lines say your rate: ${lines}`);
  await noNaN(again.page);
});

test("your rates for every Region: a standby's rate typed key by key survives a Region change, and one click fills the rest from us-east-1", async ({ open }) => {
  const { page } = await open("?v=3&region=eu-west-1&dr=eu-central-1&network=none");
  await ready(page);
  const card = "[data-option=kinesis-provisioned]";
  assert((await text(page, ".answer-cheapest")).includes("not priced in eu-west-1 and eu-central-1"), `the answer names both Regions: ${await text(page, ".answer-cheapest")}`);
  const standby = '[id="r-eu-central-1.kinesis_provisioned.shard_hour"]';
  await page.click(standby);
  await page.keyboard.type("0.0179", { delay: KEY_DELAY });
  await pause(page);
  await page.waitForFunction(() => new URLSearchParams(location.search).get("rate.eu-central-1.kinesis_provisioned.shard_hour") === "0.0179");
  assertEqual(await focused(page), "r-eu-central-1.kinesis_provisioned.shard_hour", "focus kept");
  // A new primary Region: the standby's rate, which names its Region, stays.
  await page.focus("#f-region");
  await page.selectOption("#f-region", "eu-west-2");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("region") === "eu-west-2");
  assertEqual(new URLSearchParams(new URL(page.url()).search).get("rate.eu-central-1.kinesis_provisioned.shard_hour"), "0.0179", "the standby's rate survives");
  assertEqual(await page.inputValue(standby), "0.0179", "and its field keeps it");
  // One click states the assumption: us-east-1's list rates for every missing one.
  await page.click("button.fill-rates");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("rate.eu-west-2.kinesis_provisioned.shard_hour") === "0.015");
  assertEqual(await page.getAttribute(card, "class").then((c) => c.includes("not-priced")), false, "Kinesis provisioned priced");
  assertEqual(await page.locator(".results .caveat").count(), 0, "every option priced: no caveat");
  assert((await text(page, ".answer-cheapest")).startsWith("Cheapest: "), "the answer names the cheapest of all");
  assertEqual(new URLSearchParams(new URL(page.url()).search).get("rate.eu-central-1.kinesis_provisioned.shard_hour"), "0.0179", "the rate typed is kept");
  await page.screenshot({ path: `${SHOTS}/rates-every-region.png`, fullPage: false });
});

test("ticking cross-Region replication prices every option as a DR pair", async ({ open }) => {
  const q = "v=3&rps=51200&peak=2&consumers=3&retention=3d";
  const { page } = await open(`?${q}&open=needs`);
  await ready(page);
  await page.waitForSelector("input[value=multi-region-replication]");
  await page.focus("input[value=multi-region-replication]");
  await page.keyboard.press("Space");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("dr") === "us-east-2");
  assert((await text(page, "details[data-section=dr] > summary")).includes("1 changed"), "the DR group is marked changed");
  await openGroup(page, "dr");
  assertEqual(await page.inputValue("#f-dr"), "us-east-2", "the standby Region is proposed in the form");
  const pair = cliTotals(`${q}&dr=us-east-2&need=multi-region-replication`);
  const card = (id) => page.getAttribute(`[data-option=${id}] .amount`, "data-total-cents").then(Number);
  for (const id of Object.keys(pair)) {
    if (pair[id] === 0) continue;
    assertEqual(await card(id), pair[id], `${id}: the pair's total, as the CLI`);
  }
  assert((await text(page, "[data-option=msk-express] .capacity")).includes("standby in us-east-2"), "the card names the standby");
  const one = cliTotals(q);
  assert(pair["msk-express"] > 2 * one["msk-express"], "an MSK pair costs more than two clusters' worth of one (replication and transfer)");
  await noNaN(page);
});

test("hostile links never break the page", async ({ open }) => {
  const links = [
    "?rps=1e308&size=1e308&peak=1e308",
    "?rps=inf&size=NaN&peak=-1",
    "?rps=&size=&consumers=",
    "?rps=1&rps=2&rps=3",
    "?rps=%ZZ&size=%E0%A4%A",
    "?region=%3Cscript%3Ealert(1)%3C%2Fscript%3E&broker=%3Cimg%20src=x%20onerror=alert(1)%3E",
    "?" + "rps=" + "9".repeat(5000),
    "?retention=99999d&shards=0&brokers=7&azs=9&rf=0&discount=100",
    "?rps=1000000000&size=1048576&consumers=1000&efo=1000",
  ];
  for (const l of links) {
    const { page } = await open(l);
    await ready(page);
    await noNaN(page);
    assertEqual(await page.locator("img, [onerror]").count(), 0, `markup injected by ${l}`);
  }
});

test("dark theme toggles and is remembered", async ({ open }) => {
  const { page } = await open("?rps=5120&size=2&consumers=3&retention=7d");
  await ready(page);
  await page.click("button.theme-toggle");
  assertEqual(await page.getAttribute("html", "data-theme"), "dark", "theme after toggle");
  await page.reload();
  await ready(page);
  assertEqual(await page.getAttribute("html", "data-theme"), "dark", "theme after reload");
  await page.screenshot({ path: `${SHOTS}/dark.png`, fullPage: true });
  await axe(page, "dark", open);
});

test("axe-core finds no violations (light, lines and advanced open)", async ({ open }) => {
  const { page } = await open("?rps=5120&size=2&consumers=3&retention=7d&shards=20");
  await ready(page);
  await openAll(page);
  await page.screenshot({ path: `${SHOTS}/light-expanded.png`, fullPage: true });
  await axe(page, "light", open);
});

test("axe-core finds no violations while a field is in error, on a page with not-priced options and the rates panel", async ({ open }) => {
  // (CSP bypassed so that axe can be injected into the page in the state typed.)
  const { page } = await open("?v=3&region=eu-west-1", { bypassCSP: true });
  await ready(page);
  await openGroup(page, "traffic");
  await page.click("#f-rps");
  await page.keyboard.press("End");
  await page.keyboard.type("x", { delay: KEY_DELAY });
  await page.waitForSelector(".answer .stale li");
  await page.addScriptTag({ content: readFileSync("node_modules/axe-core/axe.min.js", "utf8") });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")})`);
  });
  assertEqual(result, [], "axe-core violations (a field in error)");
});

test("a 360 px phone shows no horizontal scrolling", async ({ open }) => {
  const { page } = await open("?rps=5120&size=2&consumers=3&retention=7d", { viewport: { width: 360, height: 780 } });
  await ready(page);
  await openAll(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(width <= 360, `page is ${width} px wide`);
  await page.screenshot({ path: `${SHOTS}/phone-360.png`, fullPage: true });
});

test("a strict CSP is on, assets carry SRI, nothing leaves the origin", async ({ open }) => {
  const { page } = await open("?rps=5000&size=2&open=advanced");
  await ready(page);
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  assert(csp && csp.includes("default-src 'self'") && csp.includes("'wasm-unsafe-eval'"), `CSP: ${csp}`);
  assert(!/script-src[^;]*unsafe-inline/.test(csp), "script-src allows unsafe-inline");
  const missing = await page.evaluate(() =>
    [...document.querySelectorAll('link[rel=stylesheet], link[rel=modulepreload], link[rel=preload], script[src]')]
      .filter((e) => !e.integrity)
      .map((e) => e.outerHTML),
  );
  assertEqual(missing, [], "assets without integrity");
});

function cli(args) {
  const out = spawnSync(CLI, args, { encoding: "utf8" });
  if (out.status !== 0) throw new Error(`showdown failed: ${out.stderr}`);
  return out.stdout;
}

test("the crossover text under each chart matches the model's figures", async ({ open }) => {
  for (const q of ["size=0.1&consumers=3&rack_aware=true", "rps=5120&size=2&consumers=3&retention=7d"]) {
    const { page } = await open(`?${q}`);
    await ready(page);
    await showCharts(page);
    await page.waitForSelector("[data-crossovers=throughput]");
    const expected = cli(["--crossovers", q]).trim().split("\n");
    const shown = [
      `throughput: ${await text(page, "[data-crossovers=throughput]")}`,
      `retention: ${await text(page, "[data-crossovers=retention]")}`,
    ];
    assertEqual(shown, expected, `crossovers for ?${q}`);
  }
});

test("charts follow the workload, hide options from the legend, and keep that in the link", async ({ open }) => {
  const { page } = await open("?size=0.1&consumers=3&rack_aware=true");
  await ready(page);
  // Not drawn until the reader scrolls near them.
  await page.waitForTimeout(1000);
  assertEqual(await page.locator(".charts svg").count(), 0, "charts drawn before the reader scrolled near them");
  assert((await text(page, ".charts")).includes("Drawing the charts"), "the charts' placeholder");
  await showCharts(page);
  const before = await text(page, "[data-crossovers=throughput]");
  await page.fill("#f-size", "4");
  await page.waitForFunction((b) => document.querySelector("[data-crossovers=throughput]").innerText !== b, before);
  await page.click("[data-chart=throughput] .legend-item.s-msk-serverless");
  await page.waitForFunction(() => location.search.includes("hide=msk-serverless"));
  assertEqual(await page.locator("[data-chart=throughput] .series.s-msk-serverless").count(), 0, "hidden series drawn");
  const fresh = await open(page.url());
  await ready(fresh.page);
  await showCharts(fresh.page);
  assertEqual(await fresh.page.getAttribute("[data-chart=retention] .legend-item.s-msk-serverless", "aria-pressed"), "false", "hidden after reopening");
  await page.screenshot({ path: `${SHOTS}/charts.png`, fullPage: true });
});

test("toggling a requirement changes the recommendation", async ({ open }) => {
  const { page } = await open("?rps=5120&size=2&consumers=3&retention=7d");
  await ready(page);
  const before = await text(page, ".recommendation .summary");
  assert(before.includes("Kinesis Data Streams, provisioned is the best fit"), before);
  await page.click(".needs-section > summary");
  await page.check("#need-kafka-api");
  await page.waitForFunction(() => location.search.includes("need=kafka-api"));
  const after = await text(page, ".recommendation .summary");
  assert(after !== before && !after.includes("Kinesis Data Streams, provisioned is the best fit"), after);
  const expected = JSON.parse(cli(["--matrix", "--json", "rps=5120&size=2&consumers=3&retention=7d&need=kafka-api"]));
  assertEqual(after, expected.recommendation.summary, "summary equals the CLI's");
  const order = await page.locator(".ranking li").evaluateAll((lis) => lis.map((li) => li.dataset.option));
  assertEqual(order, expected.recommendation.ranking.map((r) => r.id), "ranking");
});

test("presets tick requirements and leave the workload as typed", async ({ open }) => {
  const { page } = await open("?rps=50000&size=2&consumers=4");
  await ready(page);
  await page.click("button[data-preset=choose-msk]");
  await page.waitForFunction(() => location.search.includes("need="));
  const status = await text(page, ".preset-status");
  assert(status.includes("Exactly-once") || status.includes("exactly-once"), `says what it ticked: ${status}`);
  assert(status.includes("your workload is unchanged"), status);
  await openGroup(page, "traffic");
  assertEqual(await page.inputValue("#f-rps"), "50000", "records/s kept");
  assert(page.url().includes("rps=50000&size=2&consumers=4"), `workload kept in the link: ${page.url()}`);
  await page.click(".needs-section > summary");
  assert(await page.isChecked("#need-exactly-once"), "exactly-once not ticked");
  assert((await text(page, ".recommendation .summary")).includes("MSK"), "MSK not recommended");
  // Its example workload only when asked for.
  const href = await page.getAttribute("a.preset-workload[href*='need=']", "href");
  // A link the page writes carries today's version marker: it opens with today's defaults.
  assert(href.startsWith(`?${dated("v=4&rps=")}`), `example workload link: ${href}`);
  const example = await open(href);
  await ready(example.page);
  assertEqual(await example.page.$(".legacy-notice"), null, "the example link opens as today's link, with no older-link notice");
});

test("the feature explorer filters, searches and shows corrections", async ({ open }) => {
  const { page } = await open("?open=matrix&need=exactly-once");
  await ready(page);
  // (The link opens the matrix: the page fetches its body.)
  await page.waitForSelector("table.matrix tbody tr", { state: "attached" });
  const rows = "table.matrix tbody tr:not([hidden])";
  const all = await page.locator("table.matrix tbody tr").count();
  assert(all >= 30, `only ${all} rows`);
  assert((await page.locator("table.matrix .correction").count()) >= 5, "corrections missing");
  await page.check("#rows-diff");
  await page.waitForFunction(() => location.search.includes("rows=diff"));
  const differ = await page.locator(rows).count();
  assert(differ < all && differ > 0, `diff filter: ${differ}`);
  await page.check("#rows-mine");
  assertEqual(await page.locator(rows).count(), 1, "rows about exactly-once");
  await page.check("#rows-all");
  await page.fill("#explorer-search", "retention");
  await page.waitForFunction(() => location.search.includes("q=retention"));
  const found = await page.locator(rows).count();
  assert(found > 0 && found < all, `search: ${found}`);
  assertEqual(await text(page, ".row-count"), `${found} of ${all} rows`, "row count");
  const fresh = await open(page.url());
  await ready(fresh.page);
  // (The section's body arrives, then the app shows it as the link says.)
  await fresh.page.waitForFunction(() => document.querySelector("#explorer-search")?.value === "retention", null, { timeout: 10_000 })
    .catch(() => {});
  assertEqual(await fresh.page.inputValue("#explorer-search"), "retention", "search after reopening");
  assertEqual(await fresh.page.locator(rows).count(), found, "rows after reopening");
  // What the reader sees, on a phone too (its layout makes rows blocks): only those rows.
  for (const width of [1280, 360]) {
    const { page: p } = await open(page.url(), { viewport: { width, height: 800 } });
    await ready(p);
    await p.waitForSelector("table.matrix tbody tr[hidden]", { state: "attached" });
    const visible = await p.evaluate(() => [...document.querySelectorAll("table.matrix tbody tr")].filter((r) => r.getClientRects().length > 0).length);
    assertEqual(visible, found, `rows on screen at ${width} px`);
  }
});

test("the CSV and JSON downloads equal the CLI's for the same link, and the CSV pivots: line and discount rows add up to each total", async ({ open }) => {
  const q = "v=4&rps=20000&size=4.5&peak=2&consumers=4&efo=2&retention=30d&discount=12.5";
  const { page } = await open(`?${q}`);
  await ready(page);
  // The page's absolute link: the CLI given it writes the same link column.
  const link = new URL(`?${dated(q)}`, page.url()).href;
  const cliJson = JSON.parse(cli(["--json", link]));
  const [csvDl] = await Promise.all([page.waitForEvent("download"), page.click("button.download-csv")]);
  const csvText = readFileSync(await csvDl.path(), "utf8");
  assertEqual(csvText, cli(["--csv", link]), "showdown --csv prints exactly the CSV the page downloads");
  const csv = csvText.trim().split("\n");
  const header = csv[0].split(",");
  const rows = csv.slice(1).map((r) => r.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((f) => f.replace(/,$/, "").replace(/^"|"$/g, "").replace(/""/g, '"')));
  const col = Object.fromEntries(header.map((h, i) => [h, i]));
  const at = (r, name) => r[col[name]];
  const expected = [];
  for (const o of cliJson.options) {
    for (const l of o.lines) expected.push([link, cliJson.region, o.id, l.id === "discount" ? "discount" : "line", l.id, l.usd.toFixed(2)]);
    if (o.monthly_usd !== null) expected.push([link, cliJson.region, o.id, "total", "", o.monthly_usd.toFixed(2)]);
  }
  const figures = ["line", "discount", "total"];
  assertEqual(rows.filter((r) => figures.includes(at(r, "row_type"))).map((r) => [at(r, "link"), at(r, "region"), at(r, "option_id"), at(r, "row_type"), at(r, "line_id"), at(r, "usd")]), expected, "CSV rows");
  // A pivot of usd by option over line and discount rows gives each total.
  for (const o of cliJson.options.filter((o) => o.monthly_usd !== null)) {
    const sum = rows.filter((r) => at(r, "option_id") === o.id && ["line", "discount"].includes(at(r, "row_type"))).reduce((a, r) => a + Math.round(Number(at(r, "usd")) * 100), 0);
    assertEqual(sum, Math.round(o.monthly_usd * 100), `${o.id}: line + discount rows = total`);
    assert(rows.some((r) => at(r, "option_id") === o.id && at(r, "row_type") === "annual" && at(r, "usd") === o.annual_usd.toFixed(2)), `${o.id}: annual row as the CLI's JSON`);
    assert(rows.some((r) => at(r, "option_id") === o.id && at(r, "row_type") === "year_one" && at(r, "usd") === o.year_one_usd.toFixed(2)), `${o.id}: year-one row as the CLI's JSON`);
  }
  // Each option's warnings, and the assumptions, travel with the figures.
  const warnings = cliJson.options.flatMap((o) => o.warnings.map((w) => [o.id, w]));
  assertEqual(rows.filter((r) => at(r, "row_type") === "warning").map((r) => [at(r, "option_id"), at(r, "label")]), warnings, "CSV warnings");
  assert(rows.filter((r) => at(r, "row_type") === "assumption").length >= 5, "CSV assumptions");
  assert(rows.some((r) => at(r, "row_type") === "not-included" && at(r, "label") === "taxes"), "CSV says what is not included");
  assert(rows.every((r) => at(r, "link") === link), "absolute link on every row");
  const [jsonDl] = await Promise.all([page.waitForEvent("download"), page.click("button.download-json")]);
  const pageJson = JSON.parse(readFileSync(await jsonDl.path(), "utf8"));
  assertEqual(pageJson.link, link, "the JSON carries the absolute link, as the CSV does");
  assertClose(pageJson, cliJson, "JSON download");
});
test("copy as Markdown gives a table for a design doc", async ({ open }) => {
  const { page, context } = await open("?rps=5120&size=2&consumers=3&retention=7d");
  await ready(page);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.click("button.copy-markdown");
  await page.waitForSelector(".export-status:has-text('copied')");
  const md = await page.evaluate(() => navigator.clipboard.readText());
  assert(md.includes("| Option | Capacity | Monthly cost | Annual | Year one | With no traffic | Per GB in | Status |") && md.includes("$571.63"), md);
  const cliJson = JSON.parse(cli(["--json", "rps=5120&size=2&consumers=3&retention=7d"]));
  for (const o of cliJson.options) for (const w of o.warnings) assert(md.includes(w), `warning missing: ${w}`);
  assert(md.includes("Assumptions:") && md.includes("1 KB = 1,024 bytes"), "assumptions");
  assert(md.includes("Not included:\n- MSK public access and other private connectivity") && md.includes("- taxes"), "what the estimate leaves out");
  assert(md.includes("| Annual | Year one | With no traffic | Per GB in |"), "FinOps columns");
  for (const o of cliJson.options.filter((o) => o.lines.length)) {
    assert(md.includes(`${o.name} — line items`), `${o.id}: its line items`);
    for (const l of o.lines) assert(md.includes(`| ${l.label} |`), `${o.id}: line ${l.label}`);
  }
  assert((await text(page, ".results .coverage")).includes("Not included:"), "the page says what is not included, near the totals");
  assert(md.includes(`AWS list prices as of ${cliJson.prices_as_of}`), "prices as of");
  // (An older link's export carries its assumptions explicitly, in today's format.)
  assert(md.includes(`(${new URL(`?${dated("v=4&rps=5120&size=2&consumers=3&retention=7d&tiered=off&network=none&sizing=v2")}`, page.url()).href})`), "absolute link");
});

test("the printed page fits the estimate and the recommendation on one page", async ({ open }) => {
  const { page } = await open("?rps=5120&size=2&consumers=3&retention=7d&need=kafka-api");
  await ready(page);
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", printBackground: false });
  const file = `${SHOTS}/../estimate.pdf`;
  writeFileSync(file, pdf);
  const pages = spawnSync("pdfinfo", [file], { encoding: "utf8" }).stdout.match(/Pages:\s+(\d+)/);
  assertEqual(pages && Number(pages[1]), 1, "PDF pages");
  const textOut = spawnSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).stdout;
  for (const total of ["$5,668.27", "$571.63", "$5,359.41", "$3,109.54", "$7,557.44"]) {
    assert(textOut.includes(total), `PDF lacks ${total}`);
  }
  assert(textOut.includes("best fit"), "PDF lacks the recommendation");
  spawnSync("pdftoppm", ["-png", "-r", "60", "-singlefile", file, `${SHOTS}/print`]);
});

test("light and dark screenshots of every view", async ({ open }) => {
  for (const theme of ["light", "dark"]) {
    const { page } = await open("?rps=5120&size=2&consumers=3&retention=7d&need=kafka-api&open=matrix,integrations,deployment,msk-express");
    await ready(page);
    for (const id of ["matrix", "integrations", "deployment"]) await page.waitForSelector(`details[data-section=${id}] table`);
    await showCharts(page);
    // (After the header has applied the saved or system theme, which it does once.)
    await page.waitForFunction(() => document.documentElement.hasAttribute("data-theme"));
    await page.evaluate((t) => document.documentElement.setAttribute("data-theme", t), theme);
    for (const [name, sel] of [["decision", ".decision"], ["charts", ".charts"], ["explorer", ".explorer"], ["cards", ".results"]]) {
      await page.locator(sel).screenshot({ path: `${SHOTS}/${name}-${theme}.png` });
    }
  }
});

test("what a reader does to the comparison before the app starts is kept and goes into the link", async ({ open }) => {
  // Hold the module back while the reader works on the pre-rendered page.
  let release;
  const held = new Promise((ok) => { release = ok; });
  const { page } = await open("?rps=5120&size=2", {
    before: (p) => p.route("**/*_bg.wasm", async (route) => { await held; await route.continue(); }),
  });
  await page.click("details[data-section=integrations] > summary");
  await page.click("details[data-section=matrix] > summary");
  await page.fill("#explorer-search", "retention");
  await page.check("#rows-diff");
  release();
  await ready(page);
  await page.waitForFunction(() => ["open=integrations,matrix", "rows=diff", "q=retention"].every((p) => location.search.includes(p)));
  assert(await page.locator("details[data-section=integrations][open]").count() === 1, "integrations stayed open");
  assertEqual(await page.inputValue("#explorer-search"), "retention", "the search stayed");
  const shown = await page.locator("table.matrix tbody tr:not([hidden])").count();
  assert(shown > 0 && shown < await page.locator("table.matrix tbody tr").count(), `filtered rows: ${shown}`);
});

test("the comparison's sections arrive when first opened or scrolled near, not with the first estimate", async ({ open }) => {
  const fetched = [];
  // The first fetch fails: the page says so and links to the page that holds them.
  let fail = true;
  const { page } = await open("?rps=5120&size=2", {
    viewport: { width: 1280, height: 800 },
    allow: /status of 503 .*features\.html/,
    before: (p) => p.route("**/features.html", (route) => {
      fetched.push(route.request().url());
      return fail ? route.fulfill({ status: 503, body: "" }) : route.continue();
    }),
  });
  await ready(page);
  await page.waitForTimeout(500);
  assertEqual(fetched.length, 0, "features.html fetched with the first estimate");
  assertEqual(await page.locator("details[data-section=matrix] table").count(), 0, "the matrix is in the page before it is opened");
  // Opened with the keyboard: the fetch fails, and the section says so.
  await page.focus("details[data-section=matrix] > summary");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("details[data-section=matrix] .loading")?.textContent.includes("could not be loaded (HTTP 503)"));
  assert((await page.getAttribute("details[data-section=matrix] .lazy-body a", "href")).endsWith("features.html#matrix"), "the link to the whole comparison");
  // Closed and opened again: tried again, and the three sections arrive.
  fail = false;
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.waitForSelector("details[data-section=matrix] table.matrix tbody tr", { state: "attached" });
  assert(fetched.length >= 2, `tried again after the failure: ${fetched.length} fetches`);
  assert((await page.locator("details[data-section=integrations] table.integrations tbody tr").count()) >= 6, "integrations arrived too");
  assertEqual(await page.locator(".lazy-body").count(), 0, "no placeholder left");
  // The explorer works on the bodies that arrived: a search typed key by key.
  await page.focus("#explorer-search");
  await page.keyboard.type("retention", { delay: 40 });
  await page.waitForFunction(() => location.search.includes("q=retention"));
  const all = await page.locator("table.matrix tbody tr").count();
  const found = await page.locator("table.matrix tbody tr:not([hidden])").count();
  assert(found > 0 && found < all, `search over the fetched rows: ${found} of ${all}`);
  assertEqual(await text(page, ".row-count"), `${found} of ${all} rows`, "row count");
  // Scrolled near, on a fresh page: fetched without an opening.
  const near = await open("?rps=5120&size=2", { viewport: { width: 1280, height: 800 } });
  await ready(near.page);
  assertEqual(await near.page.locator("details[data-section=matrix] table").count(), 0, "not before scrolling");
  await near.page.evaluate(() => document.querySelector(".explorer").scrollIntoView());
  await near.page.waitForSelector("details[data-section=deployment] table.deployment", { state: "attached" });
});

test("a line item's source link brings the list of sources and lands on its source", async ({ open }) => {
  const fetched = [];
  const { page } = await open("?rps=5120&size=2&open=kinesis-provisioned", {
    viewport: { width: 1280, height: 800 },
    before: (p) => p.route("**/features.html", (route) => { fetched.push(route.request().url()); return route.continue(); }),
  });
  await ready(page);
  await page.waitForTimeout(300);
  assertEqual(fetched.length, 0, "the sources are fetched with the first estimate");
  assertEqual(await page.locator("#sources li").count(), 0, "the list of sources is in the page before it is asked for");
  assert((await text(page, "#sources")).includes("Loading the sources"), "the placeholder says what comes");
  // Followed with the keyboard, from the card's first line.
  const link = page.locator("[data-option=kinesis-provisioned] tr[data-line] a.src").first();
  const href = await link.getAttribute("href");
  assert(/^#src-[a-z0-9-]+$/.test(href), `a line's source link: ${href}`);
  await link.focus();
  await page.keyboard.press("Enter");
  await page.waitForSelector(`${href} a[href^=http]`);
  await page.waitForFunction((id) => { const r = document.querySelector(id).getBoundingClientRect(); return r.top > -2 && r.bottom < innerHeight + 2; }, href);
  assertEqual(fetched.length, 1, "one fetch");
  assert((await page.locator("#sources ul.sources li").count()) >= 10, "the whole list arrived");
  assertEqual(await page.locator("#sources .lazy-body").count(), 0, "no placeholder left");
  // Opened at a source: the page fetches the list and lands on it.
  const at = await open(`?rps=5120&size=2${href}`, { viewport: { width: 1280, height: 800 } });
  await ready(at.page);
  await at.page.waitForFunction((id) => { const el = document.querySelector(id); if (!el) return false; const r = el.getBoundingClientRect(); return r.top > -2 && r.bottom < innerHeight + 2; }, href);
});

test("content before WebAssembly: the default estimate and the comparison without JavaScript", async ({ open }) => {
  const { page } = await open("?rps=5000&size=2", { javaScriptEnabled: false });
  await page.waitForSelector(".card .amount");
  const cli = JSON.parse(spawnSync(CLI, ["--json", ""], { encoding: "utf8" }).stdout);
  const kp = cli.options.find((o) => o.id === "kinesis-provisioned");
  assertEqual(await text(page, "[data-option=kinesis-provisioned] .amount"), `$${kp.monthly_usd.toFixed(2)}`, "default estimate pre-rendered");
  assert((await text(page, ".site-footer")).includes("Units and rules"), "the footer's rules, without JavaScript");
  assert((await page.getAttribute("#sources .lazy-body a", "href")).endsWith("features.html#sources"), "the sources' link, without JavaScript");
  assert((await text(page, "p.noscript")).includes("enable JavaScript"), "the no-JavaScript note");
  await page.screenshot({ path: `${SHOTS}/no-javascript.png` });
  // The comparison's sections link to the page that holds them whole.
  await page.click("details[data-section=matrix] > summary");
  await page.click("details[data-section=matrix] .lazy-body a");
  await page.waitForURL(/features\.html#matrix$/);
  const top = await page.evaluate(() => document.getElementById("matrix")?.getBoundingClientRect().top);
  assert(top !== undefined && Math.abs(top) < 50, `the link lands on the matrix (its top at ${top} px)`);
  assert((await page.locator(".explorer table.matrix tbody tr").count()) >= 30, "the comparison, without JavaScript");
  assert((await page.locator(".explorer table.integrations tbody tr").count()) >= 6, "integrations, without JavaScript");
  assert((await page.locator(".explorer table.deployment tbody tr").count()) >= 3, "deployment, without JavaScript");
  assert((await page.locator("#sources ul.sources li[id^=src-] a[href^=http]").count()) >= 10, "the sources, without JavaScript");
  await page.click("text=Streaming Showdown: price your workload");
  await page.waitForSelector(".card .amount");
});

test("a link with parameters re-renders the pre-rendered page in place", async ({ open }) => {
  const warnings = [];
  const { page } = await open("?rps=5000&size=2&open=kinesis-provisioned");
  page.on("console", (m) => { if (/hydrat|mismatch/i.test(m.text())) warnings.push(m.text()); });
  await page.waitForFunction(() => document.querySelector("[data-option=kinesis-provisioned] .capacity")?.textContent === "10 shards");
  await page.waitForFunction(() => performance.getEntriesByName("first-estimate").length > 0);
  assert(await page.locator("[data-option=kinesis-provisioned] details.lines").evaluate((d) => d.open), "section from the link");
  assertEqual(await page.locator("#app").count(), 1, "one app root");
  assertEqual(await page.locator(".card[data-option]").count(), 8, "cards not duplicated by hydration");
  assertEqual(warnings, [], "hydration warnings");
});

test("any path loads the app (404.html)", async ({ open }) => {
  // GitHub Pages answers an unknown path with 404.html and status 404: that one error is expected.
  const { page } = await open("some/deep/path?rps=5000&size=2", { allow: /status of 404 .*some\/deep\/path/ });
  await ready(page);
  assertEqual(await text(page, "[data-option=kinesis-provisioned] .capacity"), "10 shards", "capacity");
});

test("a build for a sub-path loads in the browser", async ({ browser }) => {
  assert(existsSync(`${DIST_SUBPATH}/index.html`), `${DIST_SUBPATH} is missing`);
  const server = await serve(DIST_SUBPATH, "/stream-showdown/");
  const { page, context, problems } = await openPage(browser, server.origin);
  try {
    await page.goto(`${server.url}?rps=5000&size=2`);
    await ready(page);
    assertEqual(await text(page, "[data-option=kinesis-provisioned] .capacity"), "10 shards", "capacity");
    assertEqual(problems, [], "problems");
  } finally {
    await context.close();
    server.close();
  }
});

const server = await serve(DIST, "/");
const browser = await launch();
let failures = 1;
try {
  failures = await run({ browser, url: server.url, origin: server.origin });
} finally {
  await browser.close();
  server.close();
}
process.exit(failures ? 1 : 0);
