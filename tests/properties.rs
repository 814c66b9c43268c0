//! Properties of the cost engine over random valid workloads: no NaN, no negative
//! amount, totals are sums of rounded lines, and cost never falls as throughput or
//! retention grows.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use stream_showdown::model::estimate::Status;
use stream_showdown::model::workload::{Targets, Tiered};
use stream_showdown::model::{estimate, Catalog, Estimate, Workload};

fn c() -> &'static Catalog {
    Catalog::embedded()
}

prop_compose! {
    fn auto_workload()(
        rps in 0.0f64..2e6,
        size in 0.01f64..2_000.0,
        peak in 1.0f64..10.0,
        consumers in 0u32..20,
        efo in 0u32..5,
        retention in 1.0f64..20_000.0,
        region in prop::sample::select(c().region_codes()).prop_map(str::to_string),
        azs in 2u32..=3,
        rf in 1u32..=3,
        rack_aware in any::<bool>(),
        discount in prop_oneof![Just(0.0), 0.0f64..99.0],
        tiered in prop::option::of(1.0f64..72.0),
    ) -> Workload {
        Workload {
            records_per_s: rps,
            record_kb: size,
            peak_factor: peak,
            consumers,
            efo_consumers: efo.min(consumers),
            retention_hours: retention,
            region,
            azs,
            replication_factor: rf,
            rack_aware,
            discount_pct: discount,
            tiered: tiered.filter(|&h| h < retention).map_or(Tiered::Off, Tiered::Local),
            ..Workload::default()
        }
    }
}

fn check_sane(e: &Estimate) -> Result<(), TestCaseError> {
    for o in &e.options {
        prop_assert!(o.total_cents >= 0, "{:?} negative total", o.id);
        let sum: i64 = o.all_lines().map(|l| l.usd_cents).sum();
        prop_assert_eq!(sum, o.total_cents);
        for l in &o.lines {
            prop_assert!(
                l.quantity.is_finite() && l.quantity >= 0.0,
                "{:?} {}",
                o.id,
                l.id
            );
            prop_assert!(l.unit_usd.is_finite() && l.unit_usd > 0.0);
            prop_assert!(l.usd_cents >= 0);
        }
        if o.status == Status::NotPriced {
            prop_assert!(o.lines.is_empty());
        }
        if let Some(u) = o.capacity.utilisation_pct {
            prop_assert!(u.is_finite() && u >= 0.0);
        }
        prop_assert!(!o.capacity.summary.contains("NaN") && !o.capacity.summary.contains("inf"));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_estimate_is_sane(w in auto_workload()) {
        check_sane(&estimate(&w, c()))?;
    }

    #[test]
    fn cost_never_falls_as_throughput_grows(w in auto_workload(), factor in 1.0f64..50.0) {
        let more = Workload { records_per_s: w.records_per_s * factor, ..w.clone() };
        let (a, b) = (estimate(&w, c()), estimate(&more, c()));
        for (x, y) in a.options.iter().zip(&b.options) {
            prop_assert!(y.total_cents >= x.total_cents, "{:?}: {} → {}", x.id, x.total_cents, y.total_cents);
        }
    }

    #[test]
    fn cost_never_falls_as_retention_grows(w in auto_workload(), extra in 0.0f64..10_000.0) {
        let longer = Workload { retention_hours: (w.retention_hours + extra).min(87_600.0), ..w.clone() };
        let (a, b) = (estimate(&w, c()), estimate(&longer, c()));
        for (x, y) in a.options.iter().zip(&b.options) {
            prop_assert!(y.total_cents >= x.total_cents, "{:?}: {} → {}", x.id, x.total_cents, y.total_cents);
        }
    }
}

/// A link made before `streams`, `aggregate` and `compression` existed prices exactly as
/// it did: every status, line and total of 300 seeded random v1 links, as the engine
/// before them printed (tests/fixtures/v1-estimates.tsv, from `showdown --json` at
/// commit 5c25dd9).
#[test]
fn links_without_the_new_parameters_price_exactly_as_before() {
    // (Options added since, such as On-demand Advantage and self-managed Kafka, are new
    // cards: the options the link priced then must price exactly as then.)
    use stream_showdown::model::OptionId;
    let skip = &[
        OptionId::KinesisOnDemandAdvantage,
        OptionId::KafkaEc2,
        OptionId::FirehoseDirect,
    ];
    assert_eq!(
        common::check_fixture(include_str!("fixtures/v1-estimates.tsv"), skip),
        300
    );
}

/// A v3 link prices exactly as it did before link format v4: its `compression` still
/// applies to Kinesis, its sizing rules are v3's (no Serverless partition rule). Every
/// status, line and total of 200 seeded random v3 links, as commit 509c639's engine
/// printed them (tests/fixtures/v3-estimates.tsv).
#[test]
fn v3_links_price_exactly_as_before_v4() {
    assert_eq!(
        common::check_fixture(
            include_str!("fixtures/v3-estimates.tsv"),
            &[
                stream_showdown::model::OptionId::KafkaEc2,
                stream_showdown::model::OptionId::FirehoseDirect
            ]
        ),
        200
    );
}

prop_compose! {
    fn shaped_workload()(
        w in auto_workload(),
        streams in 1u32..100,
        aggregate in prop::option::of(0.05f64..1024.0),
        compression in 1.0f64..20.0,
        replays in prop_oneof![Just(0.0), 0.0f64..50.0],
    ) -> Workload {
        Workload { streams, aggregate_kb: aggregate, compression, replays, ..w }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_estimate_of_a_shaped_workload_is_sane(w in shaped_workload()) {
        check_sane(&estimate(&w, c()))?;
    }

    /// Aggregating into records no larger than one user record changes nothing (each
    /// user record is then its own Kinesis record); nor does it on MSK at any size.
    #[test]
    fn aggregation_below_the_record_size_is_the_identity(w in shaped_workload(), share in 0.01f64..=1.0) {
        let record_kb = w.record_kb / w.compression;
        let plain = estimate(&Workload { aggregate_kb: None, ..w.clone() }, c());
        let small = estimate(&Workload { aggregate_kb: Some(record_kb * share), ..w.clone() }, c());
        prop_assert_eq!(&plain, &small);
        for (x, y) in plain.options.iter().zip(&estimate(&w, c()).options) {
            if matches!(x.id, stream_showdown::model::OptionId::MskStandard | stream_showdown::model::OptionId::MskExpress | stream_showdown::model::OptionId::MskServerless) {
                prop_assert_eq!(x.total_cents, y.total_cents);
            }
        }
    }

    /// Compression lowers the bytes AWS bills: no total rises as the ratio grows.
    #[test]
    fn cost_never_rises_as_compression_grows(w in shaped_workload(), factor in 1.0f64..10.0) {
        let more = Workload { compression: (w.compression * factor).min(100.0), ..w.clone() };
        let (a, b) = (estimate(&w, c()), estimate(&more, c()));
        for (x, y) in a.options.iter().zip(&b.options) {
            if x.status == Status::Priced && y.status == Status::Priced {
                prop_assert!(y.total_cents <= x.total_cents, "{:?}: {} → {}", x.id, x.total_cents, y.total_cents);
            }
        }
    }

    /// Replays only add reads: no total falls as they grow.
    #[test]
    fn cost_never_falls_as_replays_grow(w in shaped_workload(), extra in 0.0f64..50.0) {
        let more = Workload { replays: w.replays + extra, ..w.clone() };
        let (a, b) = (estimate(&w, c()), estimate(&more, c()));
        for (x, y) in a.options.iter().zip(&b.options) {
            if x.status == Status::Priced && y.status == Status::Priced {
                prop_assert!(y.total_cents >= x.total_cents, "{:?}: {} → {}", x.id, x.total_cents, y.total_cents);
            }
        }
    }

    /// Spreading a workload over more streams never costs less than one stream, and
    /// on-demand Kinesis (stream-hours per stream) pays more with every stream. (Not
    /// every option is monotonic between two stream counts: a need of 4 shards takes
    /// 3 × 2 = 6 shards over 3 streams but 4 over 4.)
    #[test]
    fn more_streams_never_cost_less_than_one(w in auto_workload(), streams in 2u32..100) {
        let one = estimate(&w, c());
        let many = estimate(&Workload { streams, ..w.clone() }, c());
        let more = estimate(&Workload { streams: streams + 1, ..w.clone() }, c());
        for ((x, y), z) in one.options.iter().zip(&many.options).zip(&more.options) {
            if x.status == Status::Priced && y.status == Status::Priced {
                prop_assert!(y.total_cents >= x.total_cents, "{:?}: {} → {}", x.id, x.total_cents, y.total_cents);
            }
            if x.id == stream_showdown::model::OptionId::KinesisOnDemand && y.status == Status::Priced && z.status == Status::Priced {
                prop_assert!(z.total_cents > y.total_cents);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4_000))]

    /// The app's float formatting prints what the standard library prints, for every
    /// finite f64 (any bit pattern).
    #[test]
    fn fixed_decimals_print_what_format_prints(bits in any::<u64>(), d in 0usize..=40) {
        let x = f64::from_bits(bits);
        prop_assume!(x.is_finite());
        prop_assert_eq!(stream_showdown::model::fixed::fixed(x, d), format!("{x:.d$}"));
    }

    /// The same for the values the app formats most: money-sized and quantity-sized.
    #[test]
    fn fixed_decimals_on_everyday_values(x in -1e7f64..1e7, d in 0usize..=6) {
        prop_assert_eq!(stream_showdown::model::fixed::fixed(x, d), format!("{x:.d$}"));
    }
}

proptest! {
    /// Links and JSON numbers read back as the value, at every magnitude, and are as
    /// short as Rust's own (the last digit may differ where two shortest texts read
    /// back: an exact tie such as …986.28125 prints …986.2812 here, rounded half to
    /// even, and …986.2813 there).
    #[test]
    fn shortest_reads_back_and_is_as_short_as_to_string(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        prop_assume!(x.is_finite() && x != 0.0);
        let s = stream_showdown::model::fixed::shortest(x);
        prop_assert_eq!(s.parse::<f64>().unwrap(), x);
        let std = x.to_string();
        prop_assert_eq!(s.len(), std.len(), "{} vs {}", s, std);
    }

    #[test]
    fn shortest_on_everyday_values(x in -1e12f64..1e12) {
        let s = stream_showdown::model::fixed::shortest(x);
        prop_assert_eq!(s.parse::<f64>().unwrap(), x);
        let std = if x == 0.0 { "0".to_string() } else { x.to_string() };
        prop_assert_eq!(s.len(), std.len(), "{} vs {}", s, std);
    }
}

prop_compose! {
    /// A workload as a v2 link leaves it to auto-sizing: tiered storage auto, brokers,
    /// broker type, storage and partitions auto.
    fn v2_auto_workload()(
        w in auto_workload(),
        replays in prop_oneof![Just(0.0), 0.0f64..5.0],
        streams in prop_oneof![Just(1u32), 1u32..50],
    ) -> Workload {
        Workload { tiered: Tiered::Auto, replays, streams, ..w }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// No auto-sized MSK Standard total is beaten by more than 5 % by a choice the link
    /// can express: any broker type auto-sizing may pick, with all data on brokers or
    /// tiered storage keeping 1 or 3 days locally (where AWS allows tiered storage: a
    /// retention of at least 3 days). And when any such choice fits a cluster, auto fits.
    #[test]
    fn auto_sizing_is_within_five_percent_of_every_manual_layout(w in v2_auto_workload()) {
        use stream_showdown::model::OptionId;
        let auto = estimate(&w, c());
        let a = auto.option(OptionId::MskStandard).unwrap();
        if a.status == Status::NotPriced {
            return Ok(());
        }
        let l = &c().limits.msk_standard;
        let mut layouts = vec![Tiered::Off];
        if w.retention_hours >= l.tiered_min_retention_hours {
            layouts.extend([24.0, 72.0].into_iter().filter(|&h| h < w.retention_hours).map(Tiered::Local));
        }
        for (name, b) in l.brokers.iter().filter(|(_, b)| b.auto) {
            for &tiered in &layouts {
                if tiered != Tiered::Off && !b.tiered {
                    continue;
                }
                let alt = Workload { broker: Some(name.to_string()), tiered, ..w.clone() };
                let e = estimate(&alt, c());
                let m = e.option(OptionId::MskStandard).unwrap();
                if m.status != Status::Priced {
                    continue;
                }
                prop_assert_eq!(a.status, Status::Priced, "{} {:?} fits, auto does not", name, tiered);
                prop_assert!(
                    a.total_cents as f64 <= m.total_cents as f64 * 1.05 + 1.0,
                    "auto {} > {} {:?} {}", a.total_cents, name, tiered, m.total_cents
                );
            }
        }
    }

    /// Auto partitions are at least the broker count (every broker leads partitions) and
    /// at least one per topic, on Standard and Express.
    #[test]
    fn auto_partitions_are_at_least_the_brokers_and_the_topics(w in v2_auto_workload()) {
        use stream_showdown::model::OptionId;
        let e = estimate(&w, c());
        for id in [OptionId::MskStandard, OptionId::MskExpress] {
            let o = e.option(id).unwrap();
            if let (Some(p), Some(b)) = (o.capacity.partitions, o.capacity.brokers) {
                prop_assert!(p >= b, "{:?}: {} partitions < {} brokers", id, p, b);
                prop_assert!(p >= w.streams, "{:?}: {} partitions < {} topics", id, p, w.streams);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// With one target and headroom for every option, each provisioned card's utilisation
    /// (peak ÷ rated throughput, the same measure on every card) is at most the target.
    #[test]
    fn every_provisioned_card_is_within_the_target(
        w in v2_auto_workload(),
        target in 10.0f64..=100.0,
        headroom in 1.0f64..4.0,
    ) {
        use stream_showdown::model::OptionId;
        let w = Workload { target: Targets::all(target), headroom: Some(headroom), ..w };
        let e = estimate(&w, c());
        for id in [OptionId::KinesisProvisioned, OptionId::MskStandard, OptionId::MskExpress] {
            let o = e.option(id).unwrap();
            if o.status == Status::NotPriced {
                continue;
            }
            if let Some(u) = o.capacity.utilisation_pct {
                prop_assert!(u <= target + 1e-6, "{:?}: {} % > target {} %", id, u, target);
            }
        }
    }

    /// Raising the target never raises a total (for a given broker type and layout:
    /// auto-sizing's choice between types is a minimum with a tolerance, not monotone).
    #[test]
    fn raising_the_target_never_raises_a_total(
        w in v2_auto_workload(),
        low in 10.0f64..=100.0,
        raise in 0.0f64..50.0,
        standard in prop::sample::select(vec!["kafka.m5.large", "kafka.m7g.xlarge", "kafka.m7g.4xlarge"]),
        express in prop::sample::select(vec!["express.m7g.large", "express.m7g.4xlarge"]),
    ) {
        use stream_showdown::model::OptionId;
        let high = (low + raise).min(100.0);
        let at = |t: f64| {
            estimate(&Workload {
                target: Targets::all(t),
                tiered: Tiered::Off,
                broker: Some(standard.to_string()),
                express: Some(express.to_string()),
                ..w.clone()
            }, c())
        };
        let (a, b) = (at(low), at(high));
        for id in [OptionId::KinesisProvisioned, OptionId::MskStandard, OptionId::MskExpress] {
            let (x, y) = (a.option(id).unwrap(), b.option(id).unwrap());
            if x.status == Status::NotPriced {
                continue;
            }
            prop_assert!(y.total_cents <= x.total_cents, "{:?}: {} at {} % > {} at {} %", id, y.total_cents, high, x.total_cents, low);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    /// A DR pair costs at least the primary alone, for every option priced both ways;
    /// connect=0 is the identity.
    #[test]
    fn a_dr_pair_costs_at_least_the_primary_and_no_connect_is_the_identity(w in v2_auto_workload()) {
        let w = Workload { region: "us-east-1".to_string(), discount_pct: 0.0, ..w };
        let one = estimate(&w, c());
        let pair = estimate(&Workload { dr_region: Some("us-east-2".to_string()), ..w.clone() }, c());
        for (a, b) in one.options.iter().zip(&pair.options) {
            if a.status == Status::Priced && b.status == Status::Priced {
                prop_assert!(b.total_cents >= a.total_cents, "{:?}: pair {} < one {}", a.id, b.total_cents, a.total_cents);
            }
        }
        let zero = estimate(&Workload { connect_mcus: 0, ..w.clone() }, c());
        prop_assert_eq!(zero, one);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The annual figure is 12 × the monthly, to the cent of each line; what is paid with
    /// no traffic is never more than the monthly total.
    #[test]
    fn annual_is_twelve_months_and_fixed_within_the_total(w in v2_auto_workload()) {
        use stream_showdown::model::report::finops;
        let e = estimate(&w, c());
        for o in &e.options {
            let f = finops(o, e.derived.gb_in_per_month);
            let lines: i64 = o.all_lines().map(|l| 12 * l.usd_cents).sum();
            prop_assert_eq!(f.annual_cents, lines);
            prop_assert_eq!(f.annual_cents, 12 * o.total_cents);
            prop_assert!(f.fixed_cents <= o.total_cents.max(0));
        }
    }
}

proptest! {
    /// The model's small stable sort orders exactly as the standard library's stable
    /// sort, equal keys in their first order.
    #[test]
    fn the_models_sort_is_the_standard_stable_sort(v in prop::collection::vec((0u8..5, any::<u16>()), 0..40)) {
        let mut ours = v.clone();
        stream_showdown::model::sort::sort_by_key(&mut ours, |x| x.0);
        let mut std = v;
        std.sort_by_key(|x| x.0);
        prop_assert_eq!(ours, std);
    }
}

mod number {
    use proptest::prelude::*;
    use stream_showdown::model::number::parse_f64;

    fn same(s: &str) -> Result<(), TestCaseError> {
        let ours = parse_f64(s);
        let std = s.parse::<f64>();
        match (ours, std) {
            (Some(a), Ok(b)) if a.is_nan() && b.is_nan() => {}
            (Some(a), Ok(b)) => {
                prop_assert_eq!(a.to_bits(), b.to_bits(), "{:?}: {} vs {}", s, a, b)
            }
            (None, Err(_)) => {}
            (a, b) => prop_assert!(false, "{:?}: ours {:?}, std {:?}", s, a, b),
        }
        Ok(())
    }

    /// Hard cases of decimal-to-binary rounding: halfway points, the limits of the
    /// range, subnormals, long inputs.
    #[test]
    fn hard_cases_read_as_the_standard_parser_reads_them() {
        for s in [
            "0", "-0", "1", "+1", ".5", "5.", "1e5", "1E+5", "1e-5", "inf", "-Infinity", "NaN",
            "", ".", "e5", "1e", "1e+", "+", "-", "1_0", " 1", "1 ", "0x10", "1.2.3", "١",
            "9007199254740993", "9007199254740995", "9007199254740992.5", "1e23",
            "8.98846567431158e307", "1.7976931348623157e308", "1.7976931348623158e308",
            "1.7976931348623159e308", "2.2250738585072011e-308", "2.2250738585072012e-308",
            "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
            "1e-400", "1e400", "0.30000000000000004", "0.1", "123456789012345678901234567890",
            "0.000000000000000000000000000000000000001", "1e-310", "3.14159265358979323846264338327950288",
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791",
            "2.470328229206232720882538e-324",
            "0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000247032822920623272088284396434110686182529901307162382212792841250337753635104375932649918180817996189898282347722858865463328355177969898199387398005390939063150356595155702263922908583924491051844359318028499365361525003193704576782492193656236698636584807570015857692699037063119282795585513329278343384093519780155312465972635795746227664652728272200563740064854999770965994704540208281662262378573934507363390079677619305775067401763246736009689513405355374585166611342237666786041621596804619144672918403005300575308490487653917113865916462395249126236538818796362393732804238910186723484976682350898633885879256283027559956575244555072551893136908362547791869486679949683240497058210285131854513962138377228261454376934125320985913276672363281255",
        ] {
            same(s).unwrap();
        }
        let long_nine = format!("0.{}", "9".repeat(900));
        same(&long_nine).unwrap();
        let long_one = format!("1{}e-900", "0".repeat(899));
        same(&long_one).unwrap();
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4_000))]
        /// Every f64, as Rust prints it (plain and scientific), reads back the same.
        #[test]
        fn every_f64_as_printed(bits in any::<u64>()) {
            let x = f64::from_bits(bits);
            same(&format!("{x}"))?;
            same(&format!("{x:e}"))?;
            same(&format!("{x:.3e}"))?;
            same(&stream_showdown::model::fixed::shortest(x))?;
        }

        /// Random decimal texts, valid or not, read as the standard parser reads them.
        #[test]
        fn random_texts(s in "[-+]?[0-9]{0,25}(\\.[0-9]{0,25})?([eE][-+]?[0-9]{1,3})?") {
            same(&s)?;
        }

        #[test]
        fn random_junk(s in "[-+.eE0-9naifNIFty _x]{0,12}") {
            same(&s)?;
        }

        /// Numbers near halfway points between two f64s.
        #[test]
        fn near_halfway(bits in 1u64..0x7fef_ffff_ffff_ffff, digits in 17usize..40) {
            let x = f64::from_bits(bits);
            let y = f64::from_bits(bits + 1);
            // The midpoint, written with many digits (exact decimal of x + (y − x)/2 is
            // not needed: a long correctly rounded text near it is hard enough).
            let mid = x / 2.0 + y / 2.0;
            same(&format!("{mid:.prec$e}", prec = digits))?;
        }
    }
}
