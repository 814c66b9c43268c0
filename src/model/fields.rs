//! The form's fields in words: each link parameter's label, as the page shows it. The
//! model's sentences (warnings, reasons, advice, the recommendation) name a field by its
//! label in curly quotes ([`quoted`]), never by its link parameter: the page turns a
//! quoted label into a link to its field, the CLI adds the parameter after it
//! ([`with_params`]).

/// Every form field: (name, label, unit as the stale sentence writes it). The form takes
/// its labels from here, and every sentence of the model that names a field names it by
/// its label ([`quoted`]).
pub const FIELDS: [(&str, &str, &str); 40] = [
    ("size", "Record size", "KB"),
    ("rps", "Records per second", ""),
    ("mbps", "Write throughput", "MB/s"),
    ("peak", "Peak factor", "× average"),
    ("retention", "Retention", ""),
    ("streams", "Streams or topics", ""),
    ("compression", "Compression ratio (Kafka producers)", ""),
    (
        "kinesis_compression",
        "Compression ratio (Kinesis producers)",
        "",
    ),
    ("aggregate", "Kinesis aggregation", "KB"),
    ("replay", "Replays", "a month"),
    ("region", "Region", ""),
    ("consumers", "Consumer applications", ""),
    ("efo", "Enhanced fan-out consumers", ""),
    ("firehose", "Firehose deliveries to S3", ""),
    ("parquet", "Firehose record format", ""),
    ("lambda", "Lambda functions", ""),
    ("lambda_provisioned", "Lambda pollers (Kafka)", ""),
    ("flink", "Flink application", "KPUs"),
    ("network", "Network path to Kinesis", ""),
    ("rack_aware", "Rack-aware consumers", ""),
    ("dr", "Standby Region (DR pair)", ""),
    ("dr_replication", "Replication to the standby (MSK)", ""),
    ("mm2_mcus", "MirrorMaker 2 capacity", "MCUs"),
    ("connect", "MSK Connect", "MCUs"),
    ("target", "Target peak utilisation", "%"),
    ("headroom", "Disk headroom", "×"),
    ("shards", "Kinesis shards", ""),
    ("broker", "MSK Standard broker type", ""),
    ("brokers", "MSK Standard brokers", ""),
    ("storage", "EBS storage per broker", "GB"),
    ("express", "MSK Express broker type", ""),
    ("express_brokers", "MSK Express brokers", ""),
    ("partitions", "Kafka partitions", ""),
    (
        "azs",
        "Availability zones (MSK brokers, Kinesis endpoints)",
        "",
    ),
    ("rf", "Replication factor", ""),
    ("tiered", "Tiered storage (Kafka)", ""),
    ("sizing", "Sizing rules", ""),
    (
        "ops",
        "Operations effort, valued at",
        "USD a month per level",
    ),
    ("discount", "Private discount", "%"),
    ("need", "Requirements", ""),
];

/// A field's label ("" for a name that is not a field).
pub fn label(name: &str) -> &'static str {
    FIELDS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map_or("", |(_, l, _)| l)
}

/// A field's label in curly quotes, as the model's sentences name it: “Label”.
pub fn quoted(name: &str) -> String {
    format!("\u{201c}{}\u{201d}", label(name))
}

/// A field's value in words, as the page names it beside the field's label (the older
/// link notice): the choices of the form's selects, the value itself elsewhere.
pub fn value_words(name: &str, value: &str) -> String {
    let words = match (name, value) {
        ("network", "endpoint") => "interface VPC endpoint",
        ("network", "nat") => "NAT gateways",
        ("network", "none") => "none priced",
        ("tiered", "off") => "off (all on the brokers)",
        ("tiered", "auto") => "auto",
        ("sizing", "aws") => "today's (AWS guidance)",
        ("sizing", "v3") => "as links of early December 2026",
        ("sizing", "v2") => "as links made before December 2026",
        (_, "") => "auto",
        (_, v) => v,
    };
    words.to_string()
}

/// The field a quoted label names (`Label` without its quotes).
pub fn field_of_label(text: &str) -> Option<&'static str> {
    FIELDS
        .iter()
        .find(|(_, l, _)| *l == text)
        .map(|(n, _, _)| *n)
}

/// A sentence split at its quoted labels: `(text, field)` pieces, the field set on a
/// label that names one (its quotes dropped), `None` on the text between. A quoted text
/// that is no field's label stays text, with its quotes.
pub fn pieces(sentence: &str) -> Vec<(&str, Option<&'static str>)> {
    let mut out = Vec::new();
    let mut rest = sentence;
    while let Some(open) = rest.find('\u{201c}') {
        let after = &rest[open + '\u{201c}'.len_utf8()..];
        let Some(close) = after.find('\u{201d}') else {
            break;
        };
        let inner = &after[..close];
        match field_of_label(inner) {
            Some(field) => {
                if open > 0 {
                    out.push((&rest[..open], None));
                }
                out.push((inner, Some(field)));
            }
            None => {
                let end = open + '\u{201c}'.len_utf8() + close + '\u{201d}'.len_utf8();
                out.push((&rest[..end], None));
            }
        }
        rest = &after[close + '\u{201d}'.len_utf8()..];
    }
    if !rest.is_empty() {
        out.push((rest, None));
    }
    out
}

/// The CLI's form of a sentence: each quoted label followed by its link parameter,
/// “Enhanced fan-out consumers” (efo=).
pub fn with_params(sentence: &str) -> String {
    pieces(sentence)
        .into_iter()
        .map(|(text, field)| match field {
            Some(f) => format!("\u{201c}{text}\u{201d} ({f}=)"),
            None => text.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_unique_and_quoted_labels_round_trip() {
        for (i, (name, label, _)) in FIELDS.iter().enumerate() {
            assert!(!label.is_empty());
            assert!(FIELDS[..i].iter().all(|(n, l, _)| n != name && l != label));
            let q = quoted(name);
            assert_eq!(pieces(&q), vec![(*label, Some(*name))]);
        }
    }

    #[test]
    fn pieces_keep_every_character_and_unknown_quotes() {
        let s = "With \u{201c}Enhanced fan-out consumers\u{201d} at 3, AWS calls it \u{201c}EFO\u{201d}.";
        let p = pieces(s);
        assert_eq!(
            p,
            vec![
                ("With ", None),
                ("Enhanced fan-out consumers", Some("efo")),
                (" at 3, AWS calls it \u{201c}EFO\u{201d}", None),
                (".", None)
            ]
        );
        assert_eq!(
            with_params(s),
            "With \u{201c}Enhanced fan-out consumers\u{201d} (efo=) at 3, AWS calls it \u{201c}EFO\u{201d}."
        );
        assert_eq!(pieces("no quotes"), vec![("no quotes", None)]);
        assert_eq!(
            pieces("open \u{201c}only"),
            vec![("open \u{201c}only", None)]
        );
        assert!(pieces("").is_empty());
    }
}
