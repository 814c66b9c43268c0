//! Helpers the engine tests share: estimate a link, find an option and its lines, and
//! write an estimate in the fixtures' one-line form.
#![allow(dead_code)]

use stream_showdown::model::estimate::{estimate, Line, OptionEstimate, OptionId, Status};
use stream_showdown::model::{decode, Catalog, Estimate};

/// The estimate of a link that must decode without a message.
pub fn run(query: &str) -> Estimate {
    let c = Catalog::embedded();
    let d = decode(query, c);
    assert!(d.messages.is_empty(), "{query}: {:?}", d.messages);
    estimate(&d.workload, c)
}

pub fn opt(e: &Estimate, id: OptionId) -> &OptionEstimate {
    e.option(id).unwrap()
}

pub fn line<'a>(o: &'a OptionEstimate, id: &str) -> &'a Line {
    o.lines
        .iter()
        .find(|l| l.id == id)
        .unwrap_or_else(|| panic!("{:?} has no line {id}: {:?}", o.id, o.lines))
}

pub fn has_line(o: &OptionEstimate, id: &str) -> bool {
    o.all_lines().any(|l| l.id == id)
}

/// An estimate as the fixtures write it: `option:status:total_cents:line=cents,…` per
/// option (total `null` when not priced), `;`-separated, leaving out the options in
/// `skip` (new cards since the fixture was written).
pub fn fixture_line(e: &Estimate, skip: &[OptionId]) -> String {
    e.options
        .iter()
        .filter(|o| !skip.contains(&o.id))
        .map(|o| {
            let total = if o.status == Status::NotPriced {
                "null".to_string()
            } else {
                o.total_cents.to_string()
            };
            let lines: Vec<String> = o
                .all_lines()
                .map(|l| format!("{}={}", l.id, l.usd_cents))
                .collect();
            format!(
                "{}:{}:{total}:{}",
                o.id.id(),
                o.status.id(),
                lines.join(",")
            )
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// Checks every row of a fixture (`query TAB fixture_line`) against today's engine;
/// returns how many rows it checked.
pub fn check_fixture(fixture: &str, skip: &[OptionId]) -> usize {
    let c = Catalog::embedded();
    let mut checked = 0;
    for row in fixture
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let (query, expected) = row.split_once('\t').unwrap();
        let d = decode(query, c);
        let e = estimate(&d.workload, c);
        assert_eq!(fixture_line(&e, skip), expected, "{query}");
        checked += 1;
    }
    checked
}

/// A link as the encoder writes it today: `v=4`, then today's price book edition
/// (`prices=`), then the rest of `link` (which starts with `v=4&`). Never a literal
/// date: the weekly price job's new editions must not break the tests.
pub fn dated(link: &str) -> String {
    link.replacen(
        "v=4&",
        &format!("v=4&prices={}&", Catalog::embedded().edition()),
        1,
    )
}
