//! The comparison model: every row of both source documents' tables is in it; every
//! cell is sourced, dated and explained; fit and ranking for typical profiles.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use stream_showdown::model::estimate::OptionId;
use stream_showdown::model::matrix::{Matrix, Verdict};
use stream_showdown::model::recommend::recommend;
use stream_showdown::model::sorted::VecSet;
use stream_showdown::model::{decode, estimate, Catalog};

fn m() -> &'static Matrix {
    Matrix::embedded()
}

/// First-column texts of every markdown table in a source document (header and
/// separator rows skipped, `**` removed).
fn table_rows(doc: &str) -> Vec<Vec<String>> {
    let mut tables = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut header_seen = false;
    for line in doc.lines() {
        let line = line.trim();
        if !line.starts_with('|') {
            if !current.is_empty() {
                tables.push(std::mem::take(&mut current));
            }
            header_seen = false;
            continue;
        }
        let first = line
            .trim_matches('|')
            .split('|')
            .next()
            .unwrap_or("")
            .trim();
        let first = first.replace("**", "").trim().to_string();
        if first.chars().all(|c| c == '-' || c == ':' || c == ' ') {
            continue; // separator row
        }
        if !header_seen {
            header_seen = true; // header row
            continue;
        }
        current.push(first);
    }
    if !current.is_empty() {
        tables.push(current);
    }
    tables
}

const SEEDS: [(&str, &str); 2] = [
    (
        "000_ba5bcdbd3b9fd4ed.txt",
        include_str!("../data/seeds/000_ba5bcdbd3b9fd4ed.txt"),
    ),
    (
        "001_8619650d1cb6fd82.txt",
        include_str!("../data/seeds/001_8619650d1cb6fd82.txt"),
    ),
];

#[test]
fn every_row_of_both_source_documents_is_in_the_model() {
    let mut found = 0;
    for (name, text) in SEEDS {
        let tables = table_rows(text);
        assert!(!tables.is_empty(), "{name}: no tables found");
        let declared: Vec<Vec<String>> = m()
            .seed_tables
            .iter()
            .filter(|t| t.doc == name)
            .map(|t| t.rows.iter().map(|r| r.to_string()).collect())
            .collect();
        assert_eq!(
            tables, declared,
            "{name}: data/matrix.toml [[seed_tables]] differ from the document"
        );
        for row in tables.iter().flatten() {
            let homes: Vec<&str> = m()
                .rows
                .iter()
                .filter(|r| r.seed_rows.iter().any(|s| s == row))
                .map(|r| &*r.id)
                .collect();
            assert_eq!(homes.len(), 1, "{name}: row {row:?} is in {homes:?}");
            found += 1;
        }
    }
    assert!(found >= 40, "only {found} source rows");
}

#[test]
fn the_matrix_covers_the_rows_users_ask_about() {
    for id in [
        "protocol-api",
        "management-model",
        "provisioning",
        "auto-scaling",
        "latency",
        "replay-retention",
        "durability",
        "fan-out",
        "ecosystem",
        "custom-consumers",
        "client-libraries",
        "security-auth",
        "ordering",
        "exactly-once",
        "partitioning",
        "throughput-scaling",
        "schema-registry",
        "compression",
        "data-transformation",
        "aws-integration",
        "multi-region-replication",
        "pricing-model",
        "cost",
        "learning-curve",
        "max-record-size",
        "encryption",
        "cross-account",
        "kafka-version-kraft",
        "tiered-storage",
        "limits-unit",
    ] {
        assert!(m().rows.iter().any(|r| r.id == id), "no row {id}");
    }
}

fn is_date(s: &str) -> bool {
    s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-'
}

#[test]
fn every_cell_has_a_source_a_date_and_a_note_and_covers_each_option_once() {
    let ids: Vec<&str> = OptionId::ALL.iter().map(|o| o.id()).collect();
    let mut ids_seen = BTreeSet::new();
    for row in m().rows.iter() {
        assert!(ids_seen.insert(&row.id), "duplicate row id {}", row.id);
        let mut covered: Vec<&str> = row
            .cells
            .iter()
            .flat_map(|c| c.options.iter().map(|o| &**o))
            .collect();
        covered.sort();
        // Self-managed Kafka has a column where the matrix compares operations and
        // cost; elsewhere it is the same Apache Kafka as MSK Standard, not compared.
        let mut want: Vec<&str> = ids
            .iter()
            .copied()
            // (No stream at all is not compared feature by feature.)
            .filter(|&o| o != "firehose-direct")
            .filter(|&o| {
                o != "kafka-ec2"
                    || matches!(&*row.group, "operations" | "cost")
                    || covered.contains(&"kafka-ec2")
            })
            .collect();
        want.sort();
        assert_eq!(covered, want, "{}: options covered", row.id);
        for c in row.cells.iter() {
            assert!(
                m().sources.contains_key(&c.source),
                "{}: source {}",
                row.id,
                c.source
            );
            assert!(is_date(&c.date), "{}: date {}", row.id, c.date);
            assert!(
                !c.note.trim().is_empty(),
                "{}: verdict without a note",
                row.id
            );
            assert!(!c.value.trim().is_empty(), "{}: empty value", row.id);
            assert_eq!(
                c.seed_claim.is_some(),
                c.correction.is_some(),
                "{}: a seed claim needs its correction",
                row.id
            );
        }
    }
    for (key, s) in &m().sources {
        assert!(s.url.starts_with("https://"), "{key}");
        assert!(is_date(&s.date), "{key}");
    }
    for i in m().integrations.iter() {
        for cell in [&i.kinesis, &i.msk] {
            assert!(m().sources.contains_key(&cell.source), "{}", i.id);
            assert!(is_date(&cell.date));
        }
        assert_eq!(i.seed_claim.is_some(), i.correction.is_some(), "{}", i.id);
    }
    for d in m().deployment.iter() {
        assert!(m().sources.contains_key(&d.source), "{}", d.id);
    }
}

#[test]
fn the_source_documents_outdated_claims_are_corrected() {
    let corrected = |row: &str| {
        m().rows
            .iter()
            .find(|r| r.id == row)
            .unwrap()
            .cells
            .iter()
            .any(|c| c.correction.is_some())
    };
    assert!(corrected("replay-retention"), "7 days vs 1 year");
    assert!(corrected("latency"), "200 ms vs 70 ms");
    let firehose = m()
        .integrations
        .iter()
        .find(|i| i.id == "firehose")
        .unwrap();
    assert!(firehose.correction.is_some(), "Firehose can read MSK");
    assert_ne!(firehose.msk.verdict, Verdict::No);
}

#[test]
fn requirements_cover_every_option_and_presets_are_valid_links() {
    assert!(m().requirements.len() >= 17);
    for r in m().requirements.iter() {
        assert!(!r.rows.is_empty(), "{}: no matrix rows", r.id);
        for row in r.rows.iter() {
            assert!(
                m().rows.iter().any(|x| &x.id == row),
                "{}: unknown row {row}",
                r.id
            );
        }
        for o in OptionId::ALL {
            let f = r
                .fit
                .get(o.id())
                .unwrap_or_else(|| panic!("{}: no fit for {}", r.id, o.id()));
            assert!(!f.reason.trim().is_empty(), "{}/{}", r.id, o.id());
        }
    }
    assert!(m().presets.len() >= 2);
    for p in m().presets.iter() {
        let d = decode(&p.link(), Catalog::embedded());
        assert!(d.messages.is_empty(), "preset {}: {:?}", p.id, d.messages);
        // A link the page writes carries today's version marker: it opens with today's
        // defaults, not as a link made with an earlier version.
        assert!(p.link().starts_with("v=4&"), "{}", p.link());
        assert!(
            d.legacy.is_empty(),
            "preset {} opens as an older link",
            p.id
        );
        assert_eq!(
            d.workload.needs.len(),
            p.needs.iter().collect::<BTreeSet<_>>().len()
        );
    }
    for o in OptionId::ALL {
        assert!(m().operational_load.contains_key(o.id()));
    }
}

fn recommend_for(query: &str) -> stream_showdown::model::recommend::Recommendation {
    let c = Catalog::embedded();
    let d = decode(query, c);
    assert!(d.messages.is_empty(), "{:?}", d.messages);
    let e = estimate(&d.workload, c);
    recommend(&e, &d.workload.needs, m())
}

#[test]
fn a_team_migrating_on_prem_kafka_with_exactly_once_gets_provisioned_msk() {
    let r = recommend_for(
        "rps=20000&size=1&consumers=4&retention=7d&need=migrate-on-prem-kafka,exactly-once",
    );
    let top = r.top().expect("a fit");
    assert!(
        matches!(top.id, OptionId::MskStandard | OptionId::MskExpress),
        "{:?}",
        top.id
    );
    for (id, why) in &r.others {
        if matches!(id, OptionId::KinesisOnDemand | OptionId::KinesisProvisioned) {
            assert!(
                why.starts_with("Ruled out") && why.contains("xactly"),
                "{why}"
            );
        }
    }
    assert!(r.summary.contains(top.id.name()));
}

#[test]
fn a_serverless_aws_native_team_that_needs_firehose_gets_kinesis_on_demand() {
    let r = recommend_for(
        "rps=500&size=2&consumers=2&need=firehose-delivery,no-cluster-to-operate,serverless-scaling",
    );
    assert_eq!(r.top().unwrap().id, OptionId::KinesisOnDemand);
    let standard = r
        .ranking
        .iter()
        .find(|x| x.id == OptionId::MskStandard)
        .unwrap();
    assert!(standard.ruled_out());
}

#[test]
fn for_a_low_volume_stream_without_requirements_cost_decides() {
    let r = recommend_for("rps=10&size=1");
    let c = Catalog::embedded();
    let e = estimate(&decode("rps=10&size=1", c).workload, c);
    assert_eq!(r.top().unwrap().id, e.cheapest().unwrap());
    assert_eq!(r.top().unwrap().id, OptionId::KinesisProvisioned);
    let costs: Vec<i64> = r.ranking.iter().filter_map(|x| x.monthly_cents).collect();
    assert!(
        costs.windows(2).all(|w| w[0] <= w[1]),
        "ranked by cost: {costs:?}"
    );
}

#[test]
fn toggling_a_requirement_changes_the_recommendation() {
    let a = recommend_for("rps=5120&size=2&consumers=3&retention=7d");
    let b = recommend_for("rps=5120&size=2&consumers=3&retention=7d&need=kafka-api");
    assert_ne!(a.top().unwrap().id, b.top().unwrap().id);
}

/// A seed claim names its source document by number; the page explains each number.
#[test]
fn every_seed_claim_names_a_known_source_document() {
    let docs: Vec<&str> = m().seed_documents.keys().collect();
    assert_eq!(docs, ["000", "001"]);
    for t in m().seed_tables.iter() {
        assert!(docs.iter().any(|d| t.doc.starts_with(d)), "{}", t.doc);
    }
    let claims = m()
        .rows
        .iter()
        .flat_map(|r| r.cells.iter().filter_map(|c| c.seed_claim.as_deref()))
        .chain(
            m().integrations
                .iter()
                .filter_map(|i| i.seed_claim.as_deref()),
        );
    for claim in claims {
        assert!(
            docs.iter().any(|d| claim.contains(d)),
            "claim names no source document: {claim}"
        );
        // The page names the documents by their titles, not by number.
        let shown = stream_showdown::ui::explorer::name_documents(claim, m());
        assert!(
            !docs.iter().any(|d| shown.contains(d)),
            "a document number is left in: {shown}"
        );
        assert!(
            shown.contains("AWS Kinesis vs Amazon MSK – Streaming Showdown")
                || shown.contains("untitled Kinesis vs MSK feature table"),
            "{shown}"
        );
    }
}

#[test]
fn the_calculators_part_keeps_what_it_computes_with_and_nothing_else() {
    let part = Matrix::calculator();
    assert_eq!(*part, m().calculator_part());
    assert_eq!(part.requirements, m().requirements);
    assert_eq!(part.presets, m().presets);
    assert_eq!(part.operational_load, m().operational_load);
    assert!(part.rows.is_empty() && part.integrations.is_empty() && part.deployment.is_empty());
    assert!(part.sources.is_empty() && part.seed_tables.is_empty());
    // The ranking is the same with either.
    let w = decode(
        "rps=5120&size=2&consumers=3&retention=7d&need=exactly-once,kafka-api",
        Catalog::embedded(),
    )
    .workload;
    let e = estimate(&w, Catalog::embedded());
    assert_eq!(recommend(&e, &w.needs, part), recommend(&e, &w.needs, m()));
}

/// What the explorer showed before its rows became static HTML: every field searched on
/// its own, lower-cased.
fn row_visible_oracle(
    row: &stream_showdown::model::matrix::Row,
    view: &stream_showdown::model::view::View,
    needs: &VecSet<String>,
) -> bool {
    use stream_showdown::model::view::RowFilter;
    let filter_ok = match view.rows {
        RowFilter::All => true,
        RowFilter::Differ => row.differs(),
        RowFilter::Mine => needs
            .iter()
            .filter_map(|n| m().requirement(n))
            .any(|r| r.rows.contains(&row.id)),
    };
    let q = view.search.trim().to_ascii_lowercase();
    filter_ok
        && (q.is_empty()
            || row.topic.to_ascii_lowercase().contains(&q)
            || row.cells.iter().any(|c| {
                c.value.to_ascii_lowercase().contains(&q)
                    || c.note.to_ascii_lowercase().contains(&q)
            }))
}

#[test]
fn the_explorers_filter_and_search_show_the_rows_they_name() {
    use stream_showdown::model::view::{row_shown, RowFilter, View};
    // Words from every row's text, and a few that match nothing or everything.
    let mut queries: BTreeSet<String> = ["", " ", "zzz-nothing", "MSK", "  Retention ", "ms"]
        .into_iter()
        .map(String::from)
        .collect();
    for row in m().rows.iter() {
        queries.extend(row.topic.split_whitespace().map(String::from));
        for c in row.cells.iter() {
            queries.extend(c.value.split_whitespace().take(3).map(String::from));
        }
    }
    let need_sets: Vec<VecSet<String>> = std::iter::once(VecSet::new())
        .chain(
            m().requirements
                .iter()
                .map(|r| std::iter::once(r.id.to_string()).collect()),
        )
        .chain(std::iter::once(
            m().requirements.iter().map(|r| r.id.to_string()).collect(),
        ))
        .collect();
    let mut checked = 0;
    for rows in [RowFilter::All, RowFilter::Differ, RowFilter::Mine] {
        for q in &queries {
            let view = View {
                rows,
                search: q.clone(),
                ..View::default()
            };
            for needs in &need_sets {
                for row in m().rows.iter() {
                    let shown = row_shown(
                        &row.id,
                        row.differs(),
                        &row.search_text(),
                        &view,
                        needs,
                        Matrix::calculator(),
                    );
                    assert_eq!(
                        shown,
                        row_visible_oracle(row, &view, needs),
                        "row {} filter {rows:?} search {q:?} needs {needs:?}",
                        row.id
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 10_000, "{checked}");
    // Exactly-once is one row; "only rows that differ" drops some.
    let view = View {
        rows: RowFilter::Mine,
        ..View::default()
    };
    let needs: VecSet<String> = ["exactly-once".to_string()].into_iter().collect();
    let mine: Vec<&str> = m()
        .rows
        .iter()
        .filter(|r| row_shown(&r.id, r.differs(), &r.search_text(), &view, &needs, m()))
        .map(|r| &*r.id)
        .collect();
    assert_eq!(mine, ["exactly-once"]);
}

/// The ranking puts options that meet every ticked requirement fully before those that
/// meet some only partly, whatever their price; the ranking says so where a cheaper
/// option ranks lower for it ("Choose Kinesis if…" on 20 MB/s of 2 KB records:
/// Kinesis provisioned partly meets two requirements and ranks below a dearer option).
#[test]
fn a_cheaper_option_ranked_lower_for_partly_met_requirements_says_why() {
    let preset = m()
        .presets
        .iter()
        .find(|p| p.id == "choose-kinesis")
        .unwrap();
    let r = recommend_for(&format!(
        "v=3&rps=10240&size=2&need={}",
        preset.needs.join(",")
    ));
    let top = r.top().expect("a top choice");
    let mut explained = 0;
    for x in r.ranking.iter().skip(1).filter(|x| !x.ruled_out()) {
        let why = &r.others.iter().find(|(id, _)| *id == x.id).unwrap().1;
        if x.partly.len() > top.partly.len()
            && x.monthly_cents.unwrap() < top.monthly_cents.unwrap()
        {
            explained += 1;
            assert!(
                why.contains("so it ranks below the top choice though it costs")
                    && why.contains("options that meet every requirement fully rank first"),
                "{why}"
            );
        }
    }
    assert!(
        explained >= 1,
        "the case must rank a cheaper option lower: {:?}",
        r.others
    );
}

/// Requirement granularity follows what decides it (the matrix's Firehose row: a
/// Firehose stream with an MSK source delivers to S3 only, AWS's "writing with MSK"
/// page): delivery to S3 is met by every option; delivery to Redshift, OpenSearch or
/// HTTP rules MSK out. The older "firehose-delivery" id keeps its meaning for old links.
/// Firehose reads no self-managed Kafka (its sources: Direct PUT, Kinesis, MSK), so every
/// Firehose requirement rules self-managed Kafka on EC2 out.
#[test]
fn firehose_to_s3_and_to_other_destinations_are_separate_requirements() {
    let ec2 = |x: &&stream_showdown::model::recommend::Ranked| x.id == OptionId::KafkaEc2;
    for need in ["firehose-to-s3", "firehose-to-other", "firehose-delivery"] {
        let r = recommend_for(&format!("v=3&rps=1024&need={need}"));
        assert!(
            r.ranking.iter().filter(ec2).all(|x| x.ruled_out()),
            "{need}"
        );
    }
    // (Firehose Direct PUT, no stream, is ruled out by the link's application reader.)
    let ec2 = |x: &&stream_showdown::model::recommend::Ranked| {
        x.id == OptionId::KafkaEc2 || x.id == OptionId::FirehoseDirect
    };
    let r = recommend_for("v=3&rps=1024&need=firehose-to-s3");
    assert!(
        r.ranking.iter().filter(|x| !ec2(x)).all(|x| !x.ruled_out()),
        "{:?}",
        r.ranking
    );
    let r = recommend_for("v=3&rps=1024&need=firehose-to-other");
    for x in r.ranking.iter().filter(|x| !ec2(x)) {
        assert_eq!(x.ruled_out(), !x.id.is_kinesis(), "{:?}", x);
    }
    let r = recommend_for("v=3&rps=1024&need=firehose-delivery");
    assert!(r.ranking.iter().filter(|x| !ec2(x)).all(|x| !x.ruled_out()));
    assert!(r
        .ranking
        .iter()
        .filter(|x| !x.id.is_kinesis() && !ec2(x))
        .all(|x| !x.partly.is_empty()));
}
