//! `refresh-prices`: rewrites `data/prices.toml` from AWS's price files on local paths.
//!
//! ```text
//! cargo run --bin refresh-prices -- [--book data/prices.toml] [--log FILE] [--date YYYY-MM-DD]
//!     [--dry-run] [--pr-body FILE [--notes FILE] [--limits data/limits.toml]] FILE...
//! cargo run --bin refresh-prices -- --record OLD_BOOK [--book data/prices.toml] [--log FILE] [--date YYYY-MM-DD]
//! ```
//! Every rate the refresh changes, adds or removes is appended to the price book's change
//! log (`--log`, default `price_changes.toml` beside the book), dated `--date` (default:
//! today, UTC), with the book's new digest. `--record OLD_BOOK` reads no price file: it
//! appends the rates that differ between OLD_BOOK and the book (a hand edit).
//! `--pr-body` writes the price job's pull request body (Markdown: changed rates by
//! Region and service, largest relative change first; the reference links' totals
//! before and after; the lines of `--notes`).
//! Each FILE is an AWS pricing page data file (`msk.json`) or an AWS Price List file (a
//! bulk offer file `index.json`, or GetProducts output), told apart by their content.
//! Prints what changed, what was added and what no file gave; writes the book only if
//! every file reads and the result parses (exit 1 otherwise, the book untouched).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use stream_showdown::model::prices::PriceBook;
    use stream_showdown::model::Catalog;
    use stream_showdown::refresh::{
        pull_request_body, read_price_list, read_pricing_page, refresh,
    };
    let mut book_path = "data/prices.toml".to_string();
    let mut limits_path = "data/limits.toml".to_string();
    let mut pr_body: Option<String> = None;
    let mut notes_path: Option<String> = None;
    let mut dry_run = false;
    let mut log_path: Option<String> = None;
    let mut date: Option<String> = None;
    let mut record_from: Option<String> = None;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--book" => book_path = args.next().unwrap_or_default(),
            "--dry-run" => dry_run = true,
            "--pr-body" => pr_body = args.next(),
            "--notes" => notes_path = args.next(),
            "--limits" => limits_path = args.next().unwrap_or_default(),
            "--log" => log_path = args.next(),
            "--date" => date = args.next(),
            "--record" => record_from = args.next(),
            "-h" | "--help" => {
                println!("usage: refresh-prices [--book data/prices.toml] [--log FILE] [--date YYYY-MM-DD] [--dry-run] [--pr-body FILE [--notes FILE] [--limits data/limits.toml]] FILE...\n       refresh-prices --record OLD_BOOK [--book data/prices.toml] [--log FILE] [--date YYYY-MM-DD]\n  FILE: an AWS pricing page data file (msk.json) or an AWS Price List file (bulk offer index.json or GetProducts output)\n  --log: the price book's change log (default: price_changes.toml beside the book)\n  --record: log the rates that differ between OLD_BOOK and the book (a hand edit)");
                return;
            }
            _ => files.push(a),
        }
    }
    let fail = |msg: String| -> ! {
        eprintln!("refresh-prices: {msg}; {book_path} not changed");
        std::process::exit(1)
    };
    let log_path = log_path.unwrap_or_else(|| {
        std::path::Path::new(&book_path)
            .with_file_name("price_changes.toml")
            .to_string_lossy()
            .into_owned()
    });
    let date = date.unwrap_or_else(stream_showdown::model::price_log::today_utc);
    let log_text =
        std::fs::read_to_string(&log_path).unwrap_or_else(|e| fail(format!("{log_path}: {e}")));
    // Appends what changed between two books to the log (nothing written on a dry run).
    let log_changes = |old: &str, new: &str| {
        let parse =
            |t: &str| PriceBook::parse(t).unwrap_or_else(|e| fail(format!("{book_path}: {e}")));
        let (text, changes) =
            stream_showdown::model::price_log::record(&parse(old), &parse(new), &log_text, &date)
                .unwrap_or_else(|e| fail(format!("{log_path}: {e}")));
        match changes.first() {
            None => println!("{log_path}: no rate changed, nothing to log"),
            Some(c) => println!(
                "{log_path}: {} rate changes logged as the book of {}",
                changes.len(),
                c.date
            ),
        }
        if !dry_run && text != log_text {
            std::fs::write(&log_path, &text).unwrap_or_else(|e| fail(format!("{log_path}: {e}")));
        }
    };
    if let Some(old_path) = &record_from {
        let old =
            std::fs::read_to_string(old_path).unwrap_or_else(|e| fail(format!("{old_path}: {e}")));
        let book_text = std::fs::read_to_string(&book_path)
            .unwrap_or_else(|e| fail(format!("{book_path}: {e}")));
        log_changes(&old, &book_text);
        return;
    }
    if files.is_empty() {
        fail("no price file given (see --help)".into());
    }
    let book_text =
        std::fs::read_to_string(&book_path).unwrap_or_else(|e| fail(format!("{book_path}: {e}")));
    let book = PriceBook::parse(&book_text).unwrap_or_else(|e| fail(format!("{book_path}: {e}")));
    let mut read = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap_or_else(|e| fail(format!("{f}: {e}")));
        let rates = if text.contains("\"hawkFilePublicationDate\"") {
            read_pricing_page(&text, &book)
        } else {
            read_price_list(&text)
        }
        .unwrap_or_else(|e| fail(format!("{f}: {e}")));
        println!(
            "{f}: {} rates ({}, published {})",
            rates.rates.len(),
            rates.source,
            rates.date
        );
        read.push(rates);
    }
    let outcome = refresh(&book_text, &read).unwrap_or_else(|e| fail(e));
    let report = outcome.report();
    print!("{report}");
    if let Some(path) = &pr_body {
        let limits = std::fs::read_to_string(&limits_path)
            .unwrap_or_else(|e| fail(format!("{limits_path}: {e}")));
        let notes: Vec<String> = match &notes_path {
            Some(p) => std::fs::read_to_string(p)
                .unwrap_or_else(|e| fail(format!("{p}: {e}")))
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string)
                .collect(),
            None => Vec::new(),
        };
        let old = Catalog::parse(&book_text, &limits).unwrap_or_else(|e| fail(e));
        let new = Catalog::parse(&outcome.text, &limits).unwrap_or_else(|e| fail(e));
        std::fs::write(path, pull_request_body(&old, &new, &report, &notes))
            .unwrap_or_else(|e| fail(format!("{path}: {e}")));
    }
    if dry_run {
        println!("(dry run: {book_path} and {log_path} not written)");
    } else if outcome.text != book_text {
        std::fs::write(&book_path, &outcome.text)
            .unwrap_or_else(|e| fail(format!("{book_path}: {e}")));
        println!("{book_path} written");
    } else {
        println!("{book_path} unchanged");
    }
    log_changes(&book_text, &outcome.text);
}

#[cfg(target_arch = "wasm32")]
fn main() {}
