//! The data files: they parse, every rate has a source and a sane value, every option
//! priced in a region has every rate it needs, every limit section names its sources.
#![cfg(not(target_arch = "wasm32"))]

use stream_showdown::model::estimate::{estimate, OptionId, Status};
use stream_showdown::model::price_log::{check_date, PriceLog};
use stream_showdown::model::{Catalog, Workload};

fn catalog() -> &'static Catalog {
    Catalog::embedded()
}

#[test]
fn every_rate_has_a_known_source_and_a_positive_value() {
    let c = catalog();
    let rates = c.prices.all_rates();
    assert!(rates.len() > 300, "only {} rates", rates.len());
    for (path, rate) in rates {
        assert!(
            c.prices.sources.contains_key(&rate.source),
            "{path}: unknown source {:?}",
            rate.source
        );
        assert!(
            rate.usd.is_finite() && rate.usd > 0.0,
            "{path}: rate {} is not positive",
            rate.usd
        );
        assert!(
            rate.usd < 100.0,
            "{path}: rate {} looks like a typo",
            rate.usd
        );
    }
}

#[test]
fn every_source_has_url_date_grade_and_is_used() {
    let c = catalog();
    let used: Vec<String> = c
        .prices
        .all_rates()
        .into_iter()
        .map(|(_, r)| r.source.to_string())
        .collect();
    for (key, s) in &c.prices.sources {
        assert!(s.url.starts_with("https://"), "{key}: url {}", s.url);
        assert!(is_date(&s.date), "{key}: date {}", s.date);
        assert!(["A", "B", "C"].contains(&&*s.grade), "{key}");
        assert!(
            used.iter().any(|u| u == key),
            "price source {key} is never used"
        );
    }
    for (key, s) in &c.limits.sources {
        assert!(s.url.starts_with("https://"), "{key}: url {}", s.url);
        assert!(is_date(&s.date), "{key}: date {}", s.date);
    }
    for (section, list) in c.limits.source_lists() {
        assert!(!list.is_empty(), "limits [{section}] names no source");
        for key in list {
            assert!(
                c.limits.sources.contains_key(key),
                "[{section}] unknown source {key}"
            );
        }
    }
    assert!(is_date(&c.prices.as_of));
    let newest = c.prices.sources.values().map(|s| &*s.date).max().unwrap();
    assert!(&*c.prices.as_of <= newest);
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    s.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && s.chars()
            .enumerate()
            .all(|(i, ch)| i == 4 || i == 7 || ch.is_ascii_digit())
}

#[test]
fn every_region_prices_every_option_or_says_why_not() {
    let c = catalog();
    for (code, region) in &c.prices.regions {
        for id in OptionId::ALL {
            let present = match id {
                OptionId::KinesisOnDemand => region.kinesis_on_demand.is_some(),
                OptionId::KinesisOnDemandAdvantage => region.kinesis_on_demand_advantage.is_some(),
                OptionId::KinesisProvisioned => region.kinesis_provisioned.is_some(),
                OptionId::MskStandard => region.msk_standard.is_some(),
                OptionId::MskExpress => region.msk_express.is_some(),
                OptionId::MskServerless => region.msk_serverless.is_some(),
                OptionId::KafkaEc2 => region.kafka_ec2.is_some(),
                OptionId::FirehoseDirect => region.firehose.is_some(),
            };
            let reason = region.not_priced.get(id.id());
            assert!(
                present != reason.is_some(),
                "{code}/{}: either rates or a not_priced reason, exactly one",
                id.id()
            );
        }
        for key in region.not_priced.keys() {
            assert!(
                OptionId::from_id(key).is_some(),
                "{code}: unknown option {key}"
            );
        }
        if region.kinesis_on_demand.is_some()
            || region.kinesis_on_demand_advantage.is_some()
            || region.kinesis_provisioned.is_some()
        {
            assert!(
                region.network.is_some(),
                "{code}: Kinesis needs network-path rates (network=endpoint|nat)"
            );
        }
        if region.msk_standard.is_some() || region.msk_express.is_some() {
            assert!(
                region.data_transfer.is_some(),
                "{code}: MSK needs cross-AZ rates"
            );
        }
    }
}

#[test]
fn every_broker_in_the_limits_is_priced_in_every_msk_region_and_back() {
    let c = catalog();
    for (code, region) in &c.prices.regions {
        if let Some(m) = &region.msk_standard {
            let priced: Vec<&str> = m.broker_hour.keys().collect();
            let known: Vec<&str> = c.limits.msk_standard.brokers.keys().collect();
            assert_eq!(
                priced, known,
                "{code}: Standard broker list differs from limits"
            );
        }
        if let Some(m) = &region.msk_express {
            let priced: Vec<&str> = m.broker_hour.keys().collect();
            let known: Vec<&str> = c.limits.msk_express.brokers.keys().collect();
            assert_eq!(
                priced, known,
                "{code}: Express broker list differs from limits"
            );
        }
    }
}

#[test]
fn us_east_1_prices_every_option() {
    // Every stream with the default workload; no stream at all (Firehose Direct PUT)
    // where every reader is an S3 delivery.
    let streams = estimate(&Workload::default(), catalog());
    let s3_only = estimate(
        &Workload {
            consumers: 0,
            firehose: 1,
            ..Workload::default()
        },
        catalog(),
    );
    for id in OptionId::ALL {
        let e = if id == OptionId::FirehoseDirect {
            &s3_only
        } else {
            &streams
        };
        let o = e.option(id).unwrap();
        assert_eq!(o.status, Status::Priced, "{:?}: {:?}", o.id, o.reasons);
    }
}

#[test]
fn regions_without_kinesis_rates_say_not_priced_instead_of_guessing() {
    let w = Workload {
        region: "eu-west-1".into(),
        ..Workload::default()
    };
    let e = estimate(&w, catalog());
    let kod = e.option(OptionId::KinesisOnDemand).unwrap();
    assert_eq!(kod.status, Status::NotPriced);
    assert!(kod.reasons[0].contains("not guessed"));
    assert_eq!(
        e.option(OptionId::MskStandard).unwrap().status,
        Status::Priced
    );
}

#[test]
fn sa_east_1_has_no_msk_serverless() {
    let w = Workload {
        region: "sa-east-1".into(),
        ..Workload::default()
    };
    let e = estimate(&w, catalog());
    assert_eq!(
        e.option(OptionId::MskServerless).unwrap().status,
        Status::NotPriced
    );
}

/// build.rs builds the data into the app as Rust constants: what the app reads is
/// exactly the TOML.
#[test]
fn the_built_in_data_equals_the_toml_files() {
    use stream_showdown::model::matrix::Matrix;
    use stream_showdown::model::prices::drop_notes;
    // (Less the sources' notes, which nothing shows: build.rs leaves them out.)
    let mut parsed = Catalog::parse(
        include_str!("../data/prices.toml"),
        include_str!("../data/limits.toml"),
    )
    .unwrap();
    drop_notes(&mut parsed.prices.sources);
    drop_notes(&mut parsed.limits.sources);
    parsed.log = PriceLog::parse(include_str!("../data/price_changes.toml")).unwrap();
    assert_eq!(*Catalog::embedded(), parsed);
    let mut matrix = Matrix::parse(include_str!("../data/matrix.toml")).unwrap();
    drop_notes(&mut matrix.sources);
    assert_eq!(*Matrix::embedded(), matrix);
}

/// On-demand Advantage left the "not priced" list once AWS published its rates: it is
/// priced where Kinesis is, from AWS's blog in us-east-1 (grade A, not uncertain).
#[test]
fn on_demand_advantage_is_priced_from_aws_rates() {
    let c = catalog();
    let e = estimate(&Workload::default(), c);
    assert!(e.not_priced.is_empty(), "{:?}", e.not_priced);
    let r = c.prices.regions.get("us-east-1").unwrap();
    let a = r.kinesis_on_demand_advantage.as_ref().unwrap();
    for rate in [&a.data_in_gb, &a.data_out_gb, &a.efo_data_out_gb] {
        assert_eq!(rate.source, "aws-blog-kds-advantage-savings");
        assert!(rate.uncertain.is_none());
        assert_eq!(c.prices.sources.get(&rate.source).unwrap().grade, "A");
    }
    let o = e.option(OptionId::KinesisOnDemandAdvantage).unwrap();
    assert_eq!(o.status, Status::Priced);
}

/// Every rate of the book is as the change log last recorded it: a rate changed by hand
/// without an entry (`refresh-prices --record OLD_BOOK`) would reprice the links made
/// before it, with nothing to take them back.
#[test]
fn the_change_log_records_every_rate_of_the_book() {
    let c = catalog();
    assert_eq!(
        c.prices.rates_digest(),
        *c.log.digest,
        "data/prices.toml's rates are not those data/price_changes.toml last recorded: record the edit with `git show HEAD:data/prices.toml > /tmp/old.toml && cargo run --bin refresh-prices -- --record /tmp/old.toml`"
    );
}

/// The log is in order, dated, and names rates of the book's Regions and sections; the
/// last change of each rate still in the book is its value today.
#[test]
fn the_change_log_is_in_order_and_ends_at_todays_book() {
    let c = catalog();
    let log = &c.log;
    assert_eq!(log.schema, 1);
    check_date(&log.start).unwrap();
    let mut last = log.start.to_string();
    for ch in log.change.iter() {
        check_date(&ch.date).unwrap_or_else(|e| panic!("{}: {e}", ch.date));
        assert!(*ch.date > *log.start, "{} before the start", ch.date);
        assert!(*ch.date >= *last, "{} out of order", ch.date);
        last = ch.date.to_string();
        let (region, name) = ch.rate.split_once('.').unwrap();
        assert!(c.has_region(region), "{}: unknown Region", ch.rate);
        assert!(
            ch.old.is_some() || ch.new.is_some(),
            "{}: neither old nor new",
            ch.rate
        );
        let today = c.region(region).and_then(|r| {
            r.rates()
                .into_iter()
                .find(|(n, _)| n == name)
                .map(|(_, r)| r.usd)
        });
        let later = log
            .change
            .iter()
            .any(|l| l.rate == ch.rate && l.date > ch.date);
        if !later {
            assert_eq!(today, ch.new, "{}: today's value", ch.rate);
        }
    }
    assert_eq!(c.edition(), last);
}
