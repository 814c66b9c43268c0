//! The price refresh (`refresh-prices`) on verbatim AWS price files committed under
//! tests/fixtures/pricefiles (PROVENANCE.md there names each file's public copy):
//! the MSK pricing page's data file (meteredUnitMaps/msk/USD/current/msk.json of
//! 2025-04-04, whole), and Price List API output for ap-southeast-1 (AmazonVPC
//! interface endpoints and AmazonEC2 NAT gateways, whole; AmazonMSK, an excerpt of whole
//! entries). No public copy of an AmazonKinesis price file was found (PROVENANCE.md):
//! Kinesis rates are recognised by the usage types AWS's Price List uses, untested on a
//! real file here.
#![cfg(not(target_arch = "wasm32"))]

use stream_showdown::model::prices::PriceBook;
use stream_showdown::refresh::{read_price_list, read_pricing_page, refresh, FileRates};

const BOOK: &str = include_str!("../data/prices.toml");
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
    assert!(out.report().contains("EUN1 (usage-type prefix): 37 rates"));
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
    // And a good run writes the book and says what it did.
    let good = std::process::Command::new(env!("CARGO_BIN_EXE_refresh-prices"))
        .args([
            "--book",
            book_path.to_str().unwrap(),
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
    assert_ne!(std::fs::read_to_string(&book_path).unwrap(), BOOK);
    std::fs::remove_dir_all(&dir).unwrap();
}
