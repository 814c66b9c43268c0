//! The price refresh (`refresh-prices`) on verbatim AWS price files committed under
//! tests/fixtures/pricefiles (PROVENANCE.md there names each file's public copy):
//! the MSK pricing page's data file (meteredUnitMaps/msk/USD/current/msk.json of
//! 2025-04-04, whole), and Price List API output for ap-southeast-1 (AmazonVPC
//! interface endpoints and AmazonEC2 NAT gateways, whole; AmazonMSK, an excerpt of whole
//! entries). No public copy of an AmazonKinesis price file was found (PROVENANCE.md):
//! Kinesis rates are recognised by the usage types AWS's Price List uses, untested on a
//! real file here.
#![cfg(not(target_arch = "wasm32"))]

use stream_showdown::model::price_log::{next_day, PriceLog};
use stream_showdown::model::prices::PriceBook;
use stream_showdown::model::Catalog;
use stream_showdown::refresh::{read_price_list, read_pricing_page, refresh, FileRates};

const BOOK: &str = include_str!("../data/prices.toml");
const LOG: &str = include_str!("../data/price_changes.toml");
const DIR: &str = "tests/fixtures/pricefiles";

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{DIR}/{name}")).unwrap()
}

fn book() -> PriceBook {
    PriceBook::parse(BOOK).unwrap()
}

fn msk() -> FileRates {
    read_pricing_page(&fixture("msk.json"), &book()).unwrap()
}

fn singapore() -> Vec<FileRates> {
    vec![
        msk(),
        read_price_list(&fixture("vpc-endpoint_aps1_getproducts.json")).unwrap(),
        read_price_list(&fixture("nat-gateway_aps1_getproducts.json")).unwrap(),
    ]
}

/// Refreshing from the MSK pricing page's file reproduces today's MSK rates exactly:
/// the book comes back byte for byte, nothing changed, nothing added.
#[test]
fn the_msk_pricing_file_reproduces_todays_msk_rates_exactly() {
    let f = msk();
    assert_eq!(f.source, "aws-msk-pricing-data");
    assert_eq!(f.date, "2025-04-04");
    let out = refresh(BOOK, &[f]).unwrap();
    assert!(out.changed.is_empty(), "{:?}", out.changed);
    assert!(out.added.is_empty(), "{:?}", out.added);
    assert_eq!(out.text, BOOK);
    // Every MSK rate of every Region in the book came from the file.
    let b = book();
    for (code, r) in &b.regions {
        for (name, rate) in r.rates() {
            if name.starts_with("msk_") {
                assert_eq!(rate.source, "aws-msk-pricing-data", "{code} {name}");
            }
        }
    }
    // The file's other Regions are reported, not dropped silently.
    assert!(out.report().contains("EU (Stockholm): 39 rates"));
}

/// Every rate the engine uses for MSK and the network path in ap-southeast-1 comes
/// from AWS's files (the PrivateLink and NAT rates are added: the book had none there),
/// and Kinesis, which no file gave, is reported as not given and priced once a user
/// gives its rates.
#[test]
fn a_region_from_the_files_with_an_option_missing() {
    let out = refresh(BOOK, &singapore()).unwrap();
    let b = PriceBook::parse(&out.text).unwrap();
    let sg = b.regions.get("ap-southeast-1").unwrap();
    let n = sg.network.as_ref().unwrap();
    // AWS Price List, AmazonVPC, ap-southeast-1 (2026-07-24): APS1-VpcEndpoint-Hours
    // $0.013, APS1-VpcEndpoint-Bytes $0.01 / $0.006 / $0.004 by tier; AmazonEC2
    // (2026-08-10): APS1-NatGateway-Hours and -Bytes $0.059.
    assert_eq!(n.interface_endpoint_hour.usd, 0.013);
    assert_eq!(n.interface_endpoint_gb_first_tier.usd, 0.01);
    assert_eq!(n.interface_endpoint_gb_second_tier.usd, 0.006);
    assert_eq!(n.interface_endpoint_gb_third_tier.usd, 0.004);
    assert_eq!(n.nat_gateway_hour.usd, 0.059);
    assert_eq!(n.nat_gateway_gb.usd, 0.059);
    assert_eq!(n.nat_gateway_gb.source, "aws-price-list-amazonec2");
    assert_eq!(
        b.sources.get("aws-price-list-amazonvpc").unwrap().date,
        "2026-07-24"
    );
    assert!(out.added.contains(
        &"ap-southeast-1 network.interface_endpoint_hour = 0.013 (aws-price-list-amazonvpc)"
            .to_string()
    ));
    let report = out.report();
    assert!(
        report.contains("ap-southeast-1: kinesis_on_demand: 6 not given"),
        "{report}"
    );
    // The network path is no longer among what ap-southeast-1 lacks.
    let sg_line = report
        .lines()
        .find(|l| l.trim_start().starts_with("ap-southeast-1:"))
        .unwrap();
    assert!(!sg_line.contains("network"), "{sg_line}");
    // "Prices as of" is the oldest file read.
    assert_eq!(b.as_of, "2025-04-04");
}

/// A changed price: the book's value differs from AWS's file, the refresh restores the
/// file's value and reports old → new.
#[test]
fn a_changed_price_is_rewritten_and_reported() {
    let edited = BOOK.replacen(
        "\"kafka.m7g.large\" = { usd = 0.2275, source = \"aws-msk-pricing-data\"",
        "\"kafka.m7g.large\" = { usd = 0.2, source = \"aws-msk-pricing-data\"",
        1,
    );
    assert_ne!(edited, BOOK);
    let out = refresh(&edited, &[msk()]).unwrap();
    assert_eq!(
        out.changed,
        ["eu-west-1 msk_standard.broker_hour.kafka.m7g.large: 0.2 (aws-msk-pricing-data) → 0.2275 (aws-msk-pricing-data)"]
    );
    assert_eq!(out.text, BOOK);
}

/// A file that is not a price file is an error naming what is wrong, and the command
/// leaves the book untouched.
#[test]
fn a_malformed_file_is_an_error_and_the_book_is_untouched() {
    let truncated = &fixture("nat-gateway_aps1_getproducts.json")[..2000];
    assert!(read_price_list(truncated)
        .unwrap_err()
        .starts_with("not JSON"));
    assert!(read_price_list("{\"foo\": 1}")
        .unwrap_err()
        .starts_with("neither a Price List bulk offer file"));
    assert!(read_pricing_page("{\"regions\": {}}", &book())
        .unwrap_err()
        .contains("hawkFilePublicationDate"));
    let bad_price =
        fixture("msk.json").replacen("\"price\":\"0.2275000000\"", "\"price\":\"n/a\"", 1);
    assert!(read_pricing_page(&bad_price, &book())
        .unwrap_err()
        .contains("price is not a number"));

    let dir = std::env::temp_dir().join(format!("refresh-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let book_path = dir.join("prices.toml");
    std::fs::write(&book_path, BOOK).unwrap();
    let log_path = dir.join("price_changes.toml");
    std::fs::write(&log_path, LOG).unwrap();
    let bad = dir.join("index.json");
    std::fs::write(&bad, truncated).unwrap();
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_refresh-prices"))
        .args(["--book", book_path.to_str().unwrap(), bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains("not JSON") && err.contains("not changed"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&book_path).unwrap(), BOOK);
    assert_eq!(std::fs::read_to_string(&log_path).unwrap(), LOG);
    // And a good run writes the book, appends to the change log beside it (dated the
    // run's day, with the new book's digest) and says what it did.
    let day = next_day(Catalog::embedded().edition());
    let good = std::process::Command::new(env!("CARGO_BIN_EXE_refresh-prices"))
        .args([
            "--book",
            book_path.to_str().unwrap(),
            "--date",
            &day,
            &format!("{DIR}/nat-gateway_aps1_getproducts.json"),
        ])
        .output()
        .unwrap();
    assert!(good.status.success());
    let printed = String::from_utf8_lossy(&good.stdout);
    assert!(
        printed.contains("ap-southeast-1 network.nat_gateway_hour = 0.059"),
        "{printed}"
    );
    let book = std::fs::read_to_string(&book_path).unwrap();
    assert_ne!(book, BOOK);
    let log_text = std::fs::read_to_string(&log_path).unwrap();
    // Appended to: every line as it was (the digest's value aside), then the entries.
    for (was, is) in LOG.lines().zip(log_text.lines()) {
        if !was.starts_with("digest = ") {
            assert_eq!(was, is);
        }
    }
    assert!(log_text.lines().count() > LOG.lines().count());
    let log = PriceLog::parse(&log_text).unwrap();
    assert_eq!(log.edition(), day);
    assert_eq!(*log.digest, PriceBook::parse(&book).unwrap().rates_digest());
    let added = log
        .change
        .iter()
        .find(|c| c.rate == "ap-southeast-1.network.nat_gateway_hour")
        .unwrap_or_else(|| panic!("{log_text}"));
    assert_eq!((added.old, added.new), (None, Some(0.059)));
    assert!(
        printed.contains("rate changes logged as the book of"),
        "{printed}"
    );

    // A hand edit, recorded with --record: the book before the edit against the book.
    let before = dir.join("before.toml");
    std::fs::write(&before, &book).unwrap();
    let edited = book.replacen(
        "nat_gateway_hour = { usd = 0.059,",
        "nat_gateway_hour = { usd = 0.06,",
        1,
    );
    assert_ne!(edited, book);
    std::fs::write(&book_path, &edited).unwrap();
    let record = std::process::Command::new(env!("CARGO_BIN_EXE_refresh-prices"))
        .args([
            "--record",
            before.to_str().unwrap(),
            "--book",
            book_path.to_str().unwrap(),
            "--date",
            &day,
        ])
        .output()
        .unwrap();
    assert!(record.status.success(), "{record:?}");
    let log = PriceLog::parse(&std::fs::read_to_string(&log_path).unwrap()).unwrap();
    let last = log.change.last().unwrap();
    assert_eq!(&*last.rate, "ap-southeast-1.network.nat_gateway_hour");
    assert_eq!((last.old, last.new), (Some(0.059), Some(0.06)));
    // (The same day as the edition before: the day after, so that an edition names one book.)
    assert_eq!(*last.date, next_day(&day));
    assert_eq!(
        *log.digest,
        PriceBook::parse(&edited).unwrap().rates_digest()
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// AWS's Price List entry for Kinesis (us-east-1, 2023-08-01, one entry: see
/// PROVENANCE.md) is read as the book names it: `Extended-ShardHour` at $0.020 per
/// shard-hour, the value the book has from infracost's copy of the same price list.
#[test]
fn a_kinesis_price_list_entry_is_recognised() {
    let k = read_price_list(&fixture("kinesis_use1_getproducts_excerpt.json")).unwrap();
    assert_eq!(k.date, "2023-08-01");
    assert_eq!(k.source, "aws-price-list-amazonkinesis");
    assert_eq!(k.rates.len(), 1);
    assert_eq!(k.rates[0].region, "us-east-1");
    assert_eq!(
        k.rates[0].name,
        "kinesis_provisioned.extended_retention_shard_hour"
    );
    assert_eq!(k.rates[0].usd, 0.02);
    let out = refresh(BOOK, &[k]).unwrap();
    // Same value; the source becomes AWS's file.
    assert_eq!(
        out.changed[0],
        "us-east-1 kinesis_provisioned.extended_retention_shard_hour: 0.02 (aws-kds-price-list) → 0.02 (aws-price-list-amazonkinesis)"
    );
}

/// A Region both services' files cover is added whole, named and prefixed as AWS's files
/// name it; one only MSK's file covers is reported, not added. Shown on a book without
/// us-east-1, refreshed from the MSK file and the Kinesis entry for us-east-1.
#[test]
fn a_region_both_services_cover_is_added() {
    let start = BOOK.find("[regions.us-east-1]").unwrap();
    let end = start + BOOK[start..].find("\n# ----").unwrap();
    let without = format!("{}{}", &BOOK[..start], &BOOK[end + 1..]);
    let without = without.replace("inter_region_gb_to = { \"us-east-1\" = { usd = 0.01, source = \"aws-inter-region-transfer\" } }\n", "");
    let b = PriceBook::parse(&without).unwrap();
    assert!(!b.regions.contains_key("us-east-1"));
    let files = [
        read_pricing_page(&fixture("msk.json"), &b).unwrap(),
        read_price_list(&fixture("kinesis_use1_getproducts_excerpt.json")).unwrap(),
    ];
    let out = refresh(&without, &files).unwrap();
    assert!(
        out.added
            .contains(&"region us-east-1 (US East (N. Virginia))".to_string()),
        "{:?}",
        out.added
    );
    let after = PriceBook::parse(&out.text).unwrap();
    let us = after.regions.get("us-east-1").unwrap();
    assert_eq!(us.usage_type_prefix.as_deref(), Some("USE1"));
    // AWS MSK pricing data, US East (N. Virginia): USE1-Kafka.m7g.large $0.204.
    assert_eq!(
        us.msk_standard
            .as_ref()
            .unwrap()
            .broker_hour
            .get("kafka.m7g.large")
            .unwrap()
            .usd,
        0.204
    );
    assert_eq!(
        us.kinesis_provisioned
            .as_ref()
            .unwrap()
            .extended_retention_shard_hour
            .usd,
        0.02
    );
    // Stockholm: in MSK's file only (no Price List file names it): reported.
    assert!(
        out.report().contains("EU (Stockholm): 39 rates"),
        "{}",
        out.report()
    );
    assert!(!after.regions.contains_key("eu-north-1"));
}

/// The EC2 and EBS pricing pages' data files (no usage types; Regions by location name)
/// reproduce self-managed Kafka's rates exactly: eu-west-1's 15 instance types from its
/// on-demand file, gp3's three rates for all 12 Regions from the EBS file (throughput
/// per GiBps-month ÷ 1,024 = per MiB/s-month). The EBS file's older date does not move
/// the book's `as_of`.
#[test]
fn the_ec2_and_ebs_files_reproduce_self_managed_kafkas_rates_exactly() {
    let b = book();
    let ec2 = read_pricing_page(&fixture("ec2-ondemand-eu-west-1.json"), &b).unwrap();
    let ebs = read_pricing_page(&fixture("ebs.json"), &b).unwrap();
    assert_eq!(ec2.source, "aws-ec2-pricing-data");
    assert_eq!(ec2.date, "2025-04-04");
    assert_eq!(ec2.rates.len(), 15);
    assert!(ec2.rates.iter().any(|r| r.region == "eu-west-1"
        && r.name == "kafka_ec2.instance_hour.m7g.large"
        && r.usd == 0.091));
    assert_eq!(ebs.source, "aws-ebs-pricing-data");
    assert_eq!(ebs.date, "2024-07-18");
    assert_eq!(ebs.rates.len(), 36);
    let out = refresh(BOOK, &[ec2, ebs]).unwrap();
    assert!(out.changed.is_empty(), "{:?}", out.changed);
    assert!(out.added.is_empty(), "{:?}", out.added);
    assert_eq!(out.text, BOOK);
}

/// A changed EC2 rate is rewritten from the file and reported, as an MSK one is.
#[test]
fn a_changed_ec2_rate_is_rewritten_and_reported() {
    let b = book();
    let ec2 = read_pricing_page(&fixture("ec2-ondemand-eu-west-1.json"), &b).unwrap();
    let edited = BOOK.replacen(
        "\"m7g.large\" = { usd = 0.091, source = \"aws-ec2-pricing-data\", usage_type = \"BoxUsage:m7g.large\" }",
        "\"m7g.large\" = { usd = 0.1, source = \"aws-ec2-pricing-data\", usage_type = \"BoxUsage:m7g.large\" }",
        1,
    );
    assert_ne!(edited, BOOK);
    let out = refresh(&edited, &[ec2]).unwrap();
    assert_eq!(out.text, BOOK);
    assert_eq!(
        out.changed,
        ["eu-west-1 kafka_ec2.instance_hour.m7g.large: 0.1 (aws-ec2-pricing-data) → 0.091 (aws-ec2-pricing-data)"]
    );
}
