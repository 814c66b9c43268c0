//! Links keep their prices: a link records the price book it was priced with
//! (`prices=`), and after a price refresh it opens with that book (today's taken back by
//! the change log), with a notice naming the rates changed since and today's totals.
//!
//! The refresh here is made by hand: today's book with Kinesis provisioned's shard-hour
//! in us-east-1 raised from $0.015 (AWS Price List, `aws-kds-price-list` in
//! data/prices.toml) to $0.018, MSK Standard's kafka.m5.4xlarge broker-hour in us-east-1
//! removed and a (made-up) kafka.m8g.large broker-hour added, recorded in the log by the same
//! function the refresh command uses (`price_log::record`), dated 2027-01-05.
#![cfg(not(target_arch = "wasm32"))]

use stream_showdown::model::estimate::{estimate, OptionId, Status};
use stream_showdown::model::link::encode;
use stream_showdown::model::price_log::{check_date, next_day, record, PriceLog};
use stream_showdown::model::prices::{PriceBook, RegionPrices};
use stream_showdown::model::report::{price_notice, price_notice_head};
use stream_showdown::model::{decode, Catalog};

const LOG: &str = include_str!("../data/price_changes.toml");

/// `book` with its us-east-1 rates edited by `edit`.
fn in_us_east_1(book: &PriceBook, edit: impl FnOnce(&mut RegionPrices)) -> PriceBook {
    let mut new = book.clone();
    let (_, region) = new
        .regions
        .0
        .to_mut()
        .iter_mut()
        .find(|(code, _)| code == "us-east-1")
        .expect("us-east-1 in the book");
    edit(region);
    new
}

/// Today's catalog after the hand-made refresh, and its log's text.
fn refreshed() -> (Catalog, String) {
    let today = Catalog::embedded();
    let new = in_us_east_1(&today.prices, |region| {
        region
            .rate_mut("kinesis_provisioned.shard_hour")
            .unwrap()
            .usd = 0.018;
        region.remove_rate("msk_standard.broker_hour.kafka.m5.4xlarge");
        let added = region
            .rate_mut("msk_standard.broker_hour.kafka.m8g.large")
            .unwrap();
        added.usd = 0.204;
        added.source = "aws-msk-pricing-data".into();
    });
    let (text, changes) = record(&today.prices, &new, LOG, "2027-01-05").unwrap();
    assert_eq!(changes.len(), 3, "{changes:?}");
    let log = PriceLog::parse(&text).unwrap();
    (
        Catalog {
            prices: new,
            limits: today.limits.clone(),
            log,
        },
        text,
    )
}

/// The refresh appends one entry per rate, with old and new values and sources, dated
/// the refresh's day, and the new book's digest.
#[test]
fn the_refresh_appends_each_change_to_the_log() {
    let (c, text) = refreshed();
    assert!(text.starts_with(LOG.lines().next().unwrap()));
    assert_eq!(c.edition(), "2027-01-05");
    assert_eq!(*c.log.digest, c.prices.rates_digest());
    let find = |rate: &str| {
        c.log
            .change
            .iter()
            .find(|ch| ch.rate == rate)
            .unwrap_or_else(|| panic!("no entry for {rate}: {text}"))
    };
    let shard = find("us-east-1.kinesis_provisioned.shard_hour");
    assert_eq!((shard.old, shard.new), (Some(0.015), Some(0.018)));
    assert_eq!(shard.source.as_deref(), Some("aws-kds-price-list"));
    assert_eq!(shard.old_source, None);
    assert_eq!(&*shard.date, "2027-01-05");
    let removed = find("us-east-1.msk_standard.broker_hour.kafka.m5.4xlarge");
    assert_eq!((removed.old, removed.new), (Some(1.68), None));
    let added = find("us-east-1.msk_standard.broker_hour.kafka.m8g.large");
    assert_eq!((added.old, added.new), (None, Some(0.204)));
    // Nothing changed: nothing appended.
    let (same, none) = record(&c.prices, &c.prices, &text, "2027-01-06").unwrap();
    assert!(none.is_empty());
    assert_eq!(same, text);
}

/// A change made on the day of the log's edition is dated the day after: an edition
/// names one book.
#[test]
fn a_change_on_the_editions_day_is_dated_the_day_after() {
    let (c, text) = refreshed();
    let newer = in_us_east_1(&c.prices, |region| {
        region
            .rate_mut("kinesis_provisioned.shard_hour")
            .unwrap()
            .usd = 0.02;
    });
    let (text, changes) = record(&c.prices, &newer, &text, "2027-01-05").unwrap();
    assert_eq!(&*changes[0].date, "2027-01-06");
    assert_eq!(PriceLog::parse(&text).unwrap().edition(), "2027-01-06");
    assert_eq!(next_day("2027-12-31"), "2028-01-01");
    assert_eq!(next_day("2028-02-28"), "2028-02-29");
    assert_eq!(next_day("2027-02-28"), "2027-03-01");
}

/// The promise: a link made today opens after the refresh with exactly today's
/// estimate, every option and every line, DR pairs and the user's rates included.
#[test]
fn a_link_made_today_keeps_its_totals_after_the_refresh() {
    let today = Catalog::embedded();
    let (after, _) = refreshed();
    for query in [
        "v=4&rps=5120&size=2&consumers=3&retention=7d&shards=4",
        "v=4&rps=30720&consumers=4&retention=3d&broker=kafka.m5.4xlarge",
        "v=4&region=us-east-1&dr=us-east-2&rps=5120&consumers=2&retention=7d",
        "v=4&region=eu-west-1&dr=us-east-1&rps=2048&consumers=2&retention=2d",
        "v=4&rps=102400&consumers=3&retention=30d&tiered=1d&rate.kinesis_on_demand.data_in_gb=0.07",
    ] {
        let made = decode(query, today);
        assert!(made.messages.is_empty(), "{query}: {:?}", made.messages);
        let link = encode(&made.workload);
        assert!(link.contains("prices=2026-12-03"), "{link}");
        let then = estimate(&made.workload, today);
        let reopened = decode(&link, &after);
        assert!(
            reopened.messages.is_empty(),
            "{link}: {:?}",
            reopened.messages
        );
        assert_eq!(reopened.workload.prices.as_deref(), Some("2026-12-03"));
        let now = estimate(&reopened.workload, &after);
        assert_eq!(then.options, now.options, "{link}");
        // (At today's prices it differs: the refresh changed what this link uses.)
        let todays = decode(
            &link.replace("prices=2026-12-03", "prices=2027-01-05"),
            &after,
        );
        assert_eq!(todays.workload.prices, None);
    }
}

/// Worked by hand: 4 shards × 730 hours = 2,920 shard-hours; at the link's $0.015 that
/// is $43.80, at today's $0.018 $52.56 (+$8.76 on the total). The notice names the rate
/// and both totals; "Use today's prices" is the workload without `prices`.
#[test]
fn an_older_link_shows_its_prices_and_todays_beside() {
    let (after, _) = refreshed();
    let q = "v=4&prices=2026-12-03&rps=1000&size=1&consumers=1&retention=24h&shards=4&network=none";
    let d = decode(q, &after);
    assert!(d.messages.is_empty(), "{:?}", d.messages);
    let then = estimate(&d.workload, &after);
    let p = then.option(OptionId::KinesisProvisioned).unwrap();
    let shard = p.lines.iter().find(|l| l.id == "shard_hours").unwrap();
    assert_eq!(
        (shard.quantity, shard.unit_usd, shard.usd_cents),
        (2920.0, 0.015, 4380)
    );
    assert_eq!(then.price_book, "2026-12-03");
    let n = price_notice(&d.workload, &after).expect("a notice");
    assert_eq!(n.edition, "2026-12-03");
    assert_eq!(n.today, "2027-01-05");
    assert_eq!(n.before_log, None);
    assert_eq!(
        n.rates,
        vec![
            "us-east-1 Kinesis provisioned, shard hour: $0.015 → $0.018 (2027-01-05)",
            "us-east-1 MSK Standard, broker hour kafka.m5.4xlarge: $1.68 → none (2027-01-05)",
            "us-east-1 MSK Standard, broker hour kafka.m8g.large: none → $0.204 (2027-01-05)",
        ]
    );
    let now = estimate(
        &stream_showdown::model::Workload {
            prices: None,
            ..d.workload.clone()
        },
        &after,
    );
    let p_now = now.option(OptionId::KinesisProvisioned).unwrap();
    assert_eq!(p_now.total_cents - p.total_cents, 876);
    let kp = n
        .changes
        .iter()
        .find(|(name, _, _)| *name == OptionId::KinesisProvisioned.name())
        .expect("Kinesis provisioned's total changes");
    assert_eq!(
        (kp.1.as_str(), kp.2.as_str()),
        (
            format!("${}/month", cents(p.total_cents)).as_str(),
            format!("${}/month", cents(p_now.total_cents)).as_str()
        )
    );
    // Only Kinesis provisioned uses a changed rate here.
    assert_eq!(n.changes.len(), 1, "{:?}", n.changes);
    assert!(price_notice_head(&n).contains("price book of 2026-12-03; today's is of 2027-01-05"));
}

fn cents(c: i64) -> String {
    stream_showdown::model::units::format_usd_cents(c)
        .trim_start_matches('$')
        .to_string()
}

/// A rate removed since comes back for the link that used it; one added since is not
/// in the older book.
#[test]
fn removed_and_added_rates_are_as_the_older_book_had_them() {
    let (after, _) = refreshed();
    let old = "v=4&prices=2026-12-03&rps=30720&consumers=4&retention=3d&broker=kafka.m5.4xlarge";
    let e = estimate(&decode(old, &after).workload, &after);
    assert_eq!(
        e.option(OptionId::MskStandard).unwrap().status,
        Status::Priced
    );
    let today = old.replace("prices=2026-12-03", "prices=2027-01-05");
    let e = estimate(&decode(&today, &after).workload, &after);
    assert_eq!(
        e.option(OptionId::MskStandard).unwrap().status,
        Status::NotPriced
    );
    let old = after.region_at("us-east-1", Some("2026-12-03")).unwrap();
    let brokers = &old.msk_standard.as_ref().unwrap().broker_hour;
    assert!(brokers.contains_key("kafka.m5.4xlarge"));
    assert!(!brokers.contains_key("kafka.m8g.large"));
    assert_eq!(
        old,
        Catalog::embedded().region("us-east-1").unwrap().clone()
    );
}

/// A link without `prices=` was made before links recorded their book: it is read with
/// the book of the log's start (README, "Links keep their prices"). A bare address, or
/// a link that only opens sections, is today's.
#[test]
fn a_link_without_prices_is_read_with_the_book_of_the_logs_start() {
    let (after, _) = refreshed();
    for q in ["v=4&rps=2000", "rps=2000&consumers=3", "v=3&rps=2000"] {
        let d = decode(q, &after);
        assert_eq!(d.workload.prices.as_deref(), Some("2026-12-03"), "{q}");
        assert!(encode(&d.workload).contains("prices=2026-12-03"));
    }
    for q in ["", "open=kafka", "v=4"] {
        assert_eq!(decode(q, &after).workload.prices, None, "{q}");
    }
    // Today (no change since the log's start) nothing is older.
    assert_eq!(
        decode("v=4&rps=2000", Catalog::embedded()).workload.prices,
        None
    );
}

/// A book older than the log's start: the estimate is the start's, and the notice says
/// that what changed before it cannot be rebuilt. A book newer than the page's, or not a
/// date: a message, and the rule for links without one.
#[test]
fn books_the_log_cannot_rebuild_and_bad_dates_say_so() {
    let (after, _) = refreshed();
    let d = decode("v=4&prices=2026-06-01&rps=2000", &after);
    assert!(d.messages.is_empty());
    assert_eq!(d.workload.prices.as_deref(), Some("2026-06-01"));
    let n = price_notice(&d.workload, &after).unwrap();
    assert_eq!(n.before_log.as_deref(), Some("2026-12-03"));
    assert!(price_notice_head(&n).contains("cannot be rebuilt"));
    let start = decode("v=4&prices=2026-12-03&rps=2000", &after);
    assert_eq!(
        estimate(&d.workload, &after).options,
        estimate(&start.workload, &after).options
    );
    // Today's page: an older book than the log's start still says so.
    let d = decode("v=4&prices=2026-06-01&rps=2000", Catalog::embedded());
    let n = price_notice(&d.workload, Catalog::embedded()).unwrap();
    assert_eq!(n.before_log.as_deref(), Some("2026-12-03"));
    assert!(n.rates.is_empty() && n.changes.is_empty());

    let d = decode("v=4&prices=2099-01-01&rps=2000", &after);
    assert_eq!(d.workload.prices, None);
    assert_eq!(d.messages.len(), 1);
    assert!(
        d.messages[0].reason.contains("newer price book"),
        "{:?}",
        d.messages
    );
    for bad in ["2027-13-01", "2027-02-30", "yesterday", "2027-1-5", "-1"] {
        let d = decode(&format!("v=4&prices={bad}&rps=2000"), &after);
        assert_eq!(d.messages.len(), 1, "{bad}");
        assert_eq!(d.messages[0].param, "prices");
        assert!(
            d.messages[0].reason.contains("not a date"),
            "{bad}: {:?}",
            d.messages
        );
        assert_eq!(d.workload.prices.as_deref(), Some("2026-12-03"), "{bad}");
    }
    assert!(check_date("2028-02-29").is_ok());
    assert!(check_date("2027-02-29").is_err());
}

/// The reference links a price update's pull request prices before and after read
/// without a message (one said `tiered=on`, which is not a duration, and was silently
/// read as auto).
#[test]
fn the_price_jobs_reference_links_read_cleanly() {
    for q in stream_showdown::refresh::REFERENCE_LINKS {
        let d = decode(q, Catalog::embedded());
        assert!(d.messages.is_empty(), "{q}: {:?}", d.messages);
    }
}
