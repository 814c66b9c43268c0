//! The workload form: every link parameter as a labelled field with its unit and a
//! hint. A refused value is marked at its field; the estimate keeps the last valid one.

use super::maybe;
use super::section::section_html;
use super::state::{label, State};
use crate::model::link::display_value;
use crate::model::units::format_quantity;
use crate::model::Catalog;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

pub struct FormProps<'a> {
    pub state: &'a State,
    pub onedit: &'a Callback<(&'static str, String)>,
    pub ontoggle: &'a Callback<(String, bool)>,
}

#[derive(Properties, PartialEq)]
struct FieldProps {
    name: &'static str,
    label: &'static str,
    unit: &'static str,
    hint: &'static str,
    value: AttrValue,
    error: Option<AttrValue>,
    #[prop_or("decimal")]
    inputmode: &'static str,
    #[prop_or_default]
    placeholder: &'static str,
    /// What the value means, computed (e.g. the record size in bytes); shown while the
    /// field is valid.
    #[prop_or_default]
    note: Option<AttrValue>,
    onedit: Callback<(&'static str, String)>,
}

#[function_component(Field)]
fn field(p: &FieldProps) -> Html {
    let name = p.name;
    let oninput = p.onedit.reform(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        (name, input.value())
    });
    let id = format!("f-{name}");
    let hint_id = format!("{id}-hint");
    let err_id = format!("{id}-error");
    let described = if p.error.is_some() {
        format!("{hint_id} {err_id}")
    } else {
        hint_id.clone()
    };
    html! {
        <div class={classes!("field", p.error.is_some().then_some("invalid"))}>
            <label for={id.clone()}>{ p.label }{ maybe((!p.unit.is_empty()).then(|| html!{ <span class="unit">{ format!(" ({})", p.unit) }</span> })) }</label>
            <input id={id} name={name} type="text" inputmode={p.inputmode} value={p.value.clone()}
                placeholder={p.placeholder} aria-invalid={p.error.is_some().to_string()}
                aria-describedby={described} {oninput} autocomplete="off" spellcheck="false" />
            <small id={hint_id} class="hint">{ p.hint }{ maybe(p.note.as_ref().filter(|_| p.error.is_none()).map(|n| html! { <span class="note">{ format!(" {n}") }</span> })) }</small>
            { maybe(p.error.as_ref().map(|e| html! { <small id={err_id} class="error">{ format!("{}: {e}", p.label) }</small> })) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SelectProps {
    name: &'static str,
    label: &'static str,
    hint: &'static str,
    value: AttrValue,
    /// (value, text) pairs.
    choices: Vec<(String, String)>,
    onedit: Callback<(&'static str, String)>,
}

#[function_component(Select)]
fn select(p: &SelectProps) -> Html {
    let name = p.name;
    let onchange = p.onedit.reform(move |e: Event| {
        let sel: HtmlSelectElement = e.target_unchecked_into();
        (name, sel.value())
    });
    let id = format!("f-{name}");
    let hint_id = format!("{id}-hint");
    html! {
        <div class="field">
            <label for={id.clone()}>{ p.label }</label>
            <select id={id} name={name} {onchange} aria-describedby={hint_id.clone()}>
                { for p.choices.iter().map(|(v, t)| html! {
                    <option value={v.clone()} selected={*v == *p.value}>{ t }</option>
                }) }
            </select>
            <small id={hint_id} class="hint">{ p.hint }</small>
        </div>
    }
}

fn dr_choices(region: &str) -> Vec<(String, String)> {
    std::iter::once((String::new(), "none (one Region)".to_string()))
        .chain(
            Catalog::embedded()
                .region_codes()
                .into_iter()
                .filter(|c| *c != region)
                .map(|c| (c.to_string(), c.to_string())),
        )
        .collect()
}

fn network_choices() -> Vec<(String, String)> {
    [
        (
            "endpoint",
            "Interface VPC endpoint in each AZ (PrivateLink)",
        ),
        ("nat", "NAT gateway in each AZ"),
        (
            "none",
            "None: public clients, or Lambda or Firehose read it",
        ),
    ]
    .into_iter()
    .map(|(v, t)| (v.to_string(), t.to_string()))
    .collect()
}

fn broker_choices(names: Vec<&str>) -> Vec<(String, String)> {
    std::iter::once((String::new(), "auto (cheapest that fits)".to_string()))
        .chain(names.into_iter().map(|n| (n.to_string(), n.to_string())))
        .collect()
}

/// One field of the form: a text field, or a select (`mode: "select"`) whose choices
/// [`choices`] gives. The form is these tables, in order (one loop renders each).
struct Spec {
    name: &'static str,
    unit: &'static str,
    /// The input mode of a text field, or "select", or "checkbox" (a yes/no parameter).
    mode: &'static str,
    placeholder: &'static str,
    hint: &'static str,
}

/// The five fields every estimate starts from, always shown.
const CORE: [Spec; 5] = [
    Spec {
        name: "mbps",
        unit: "MB/s average",
        mode: "decimal",
        placeholder: "",
        hint: "What producers write per second, on average (1 MB = 1,024 KB). Records per second follows (under Traffic shape).",
    },
    Spec {
        name: "size",
        unit: "KB",
        mode: "text",
        placeholder: "",
        hint: "KB, or with a unit: 200B, 2KB, 1.5KiB, 1MB (1 KB = 1,024 bytes, 1 MB = 1,024 KB).",
    },
    Spec {
        name: "consumers",
        unit: "apps",
        mode: "numeric",
        placeholder: "",
        hint: "Applications in your VPC reading every record. Firehose, Lambda and Flink readers are under Readers.",
    },
    Spec {
        name: "retention",
        unit: "h or d",
        mode: "text",
        placeholder: "",
        hint: "Hours (36 or 36h) or days (7d).",
    },
    Spec {
        name: "region",
        unit: "",
        mode: "select",
        placeholder: "",
        hint: "Regions with sourced prices. “Needs your rates”: AWS's files give no price for those options here; the cards ask for them.",
    },
];

/// "Traffic shape".
const TRAFFIC: [Spec; 7] = [
    Spec {
        name: "rps",
        unit: "average",
        mode: "decimal",
        placeholder: "",
        hint: "Or type records per second: the throughput follows. Whichever of the two you typed last stays when the record size changes.",
    },
    Spec {
        name: "peak",
        unit: "× average",
        mode: "decimal",
        placeholder: "",
        hint: "Peak write rate ÷ average (1 = steady).",
    },
    Spec {
        name: "streams",
        unit: "count",
        mode: "numeric",
        placeholder: "",
        hint: "The workload is spread evenly over this many Kinesis streams or Kafka topics.",
    },
    Spec {
        name: "compression",
        unit: "× (4 = 4:1)",
        mode: "decimal",
        placeholder: "",
        hint: "Kafka producers compress batches (zstd, lz4); MSK bills the compressed bytes. 1 = none.",
    },
    Spec {
        name: "kinesis_compression",
        unit: "× (2 = 2:1)",
        mode: "decimal",
        placeholder: "",
        hint: "What Kinesis producers compress themselves, record by record. 1 = none.",
    },
    Spec {
        name: "aggregate",
        unit: "KB per Kinesis record",
        mode: "decimal",
        placeholder: "off",
        hint: "Kinesis producers pack records into records of this size (KPL aggregation or batching, e.g. 25). Empty = off. No effect on MSK, whose producers batch anyway.",
    },
    Spec {
        name: "replay",
        unit: "per month",
        mode: "decimal",
        placeholder: "",
        hint: "Times a month one consumer re-reads the whole retained data (e.g. 1 for a monthly audit).",
    },
];

/// "Readers": what else reads every record.
const READERS: [Spec; 7] = [
    Spec {
        name: "efo",
        unit: "of those",
        mode: "numeric",
        placeholder: "",
        hint: "Kinesis only: applications with their own 2 MB/s per shard.",
    },
    Spec {
        name: "firehose",
        unit: "deliveries",
        mode: "numeric",
        placeholder: "",
        hint: "Firehose streams delivering every record to S3 (from Kinesis: per GB, records rounded up to 5 KB; from MSK: per GB, plus private connectivity).",
    },
    Spec {
        name: "parquet",
        unit: "",
        mode: "select",
        placeholder: "",
        hint: "Firehose's record format conversion, billed per GB.",
    },
    Spec {
        name: "lambda",
        unit: "functions",
        mode: "numeric",
        placeholder: "",
        hint: "Functions reading every record through event source mappings; their compute is equal on both platforms, not priced.",
    },
    Spec {
        name: "lambda_provisioned",
        unit: "",
        mode: "select",
        placeholder: "",
        hint: "MSK: provisioned mode bills event poller units (1 EPU ≈ 20 MB/s); on-demand pollers cost nothing.",
    },
    Spec {
        name: "flink",
        unit: "KPUs",
        mode: "numeric",
        placeholder: "",
        hint: "A Managed Flink application reading every record (0 = none), plus 1 KPU for orchestration; equal on every option.",
    },
    Spec {
        name: "connect",
        unit: "MCUs",
        mode: "numeric",
        placeholder: "",
        hint: "Kafka Connect workers (1 MCU = 1 vCPU, 4 GiB), on the MSK options. 0 = none.",
    },
];

/// "Network".
const NETWORK: [Spec; 3] = [
    Spec {
        name: "network",
        unit: "",
        mode: "select",
        placeholder: "",
        hint: "How consumer applications and producers in a VPC reach Kinesis; priced on the Kinesis options. MSK clients sit in the cluster's VPC.",
    },
    Spec {
        name: "azs",
        unit: "",
        mode: "select",
        placeholder: "",
        hint: "Express and most production clusters use 3.",
    },
    Spec {
        name: "rack_aware",
        unit: "",
        mode: "checkbox",
        placeholder: "",
        hint: "Kafka consumers fetch from a replica in their own AZ (follower fetching), so reads cross no AZ. The MSK cards say what it saves.",
    },
];

/// "Kafka layout".
const KAFKA: [Spec; 8] = [
    Spec {
        name: "broker",
        unit: "",
        mode: "select",
        placeholder: "",
        hint: "Empty = the cheapest type that fits.",
    },
    Spec {
        name: "brokers",
        unit: "count",
        mode: "numeric",
        placeholder: "auto",
        hint: "A multiple of the AZ count.",
    },
    Spec {
        name: "storage",
        unit: "GB",
        mode: "decimal",
        placeholder: "auto",
        hint: "1 to 16,384 GB.",
    },
    Spec {
        name: "express",
        unit: "",
        mode: "select",
        placeholder: "",
        hint: "Empty = the cheapest size that fits.",
    },
    Spec {
        name: "express_brokers",
        unit: "count",
        mode: "numeric",
        placeholder: "auto",
        hint: "A multiple of 3.",
    },
    Spec {
        name: "partitions",
        unit: "count",
        mode: "numeric",
        placeholder: "auto",
        hint: "Empty = ≤ 5 MB/s in and ≤ 10 MB/s out per partition.",
    },
    Spec {
        name: "rf",
        unit: "copies",
        mode: "numeric",
        placeholder: "",
        hint: "Kafka copies of each partition (1–3).",
    },
    Spec {
        name: "tiered",
        unit: "h or d",
        mode: "text",
        placeholder: "auto",
        hint: "Empty = auto: the cheaper of all on EBS and tiered storage keeping 1 or 3 days on EBS. off = all on EBS; 1d = 1 day on EBS, the rest tiered.",
    },
];

/// "Disaster recovery".
const DR: [Spec; 3] = [
    Spec {
        name: "dr",
        unit: "",
        mode: "select",
        placeholder: "",
        hint: "Price every option as an active/passive pair: a standby in this Region, the replication and the inter-Region transfer.",
    },
    Spec {
        name: "dr_replication",
        unit: "",
        mode: "select",
        placeholder: "",
        hint: "With a standby Region: how the MSK options copy to it. Self-managed Kafka always uses MirrorMaker 2.",
    },
    Spec {
        name: "mm2_mcus",
        unit: "MCUs",
        mode: "numeric",
        placeholder: "3",
        hint: "MirrorMaker 2's MSK Connect capacity. Empty = its three connectors at 1 MCU each (AWS publishes no throughput per MCU).",
    },
];

/// "Your prices".
const PRICES: [Spec; 2] = [
    Spec {
        name: "discount",
        unit: "%",
        mode: "decimal",
        placeholder: "",
        hint: "Applied to every line, shown as its own line.",
    },
    Spec {
        name: "ops",
        unit: "USD a month per level",
        mode: "decimal",
        placeholder: "",
        hint: "What you would pay to avoid one level of operational load (serverless 1, Express or shards 2, Standard 3); the recommendation weighs it. 0 = only ties.",
    },
];

/// "Sizing policy".
const SIZING: [Spec; 4] = [
    Spec {
        name: "target",
        unit: "%",
        mode: "text",
        placeholder: "AWS guidance",
        hint: "One target for every provisioned option (80), or each service's own (kinesis:80,standard:50,express:75; the others keep theirs). Empty = each service's default from AWS: shards at their limits, MSK Standard 50 %, Express 75 %.",
    },
    Spec {
        name: "headroom",
        unit: "× data held",
        mode: "decimal",
        placeholder: "2",
        hint: "EBS provisioned on MSK Standard per GB held. Empty = 2× (AWS's sizing script).",
    },
    Spec {
        name: "shards",
        unit: "count",
        mode: "numeric",
        placeholder: "auto",
        hint: "Provisioned shards; empty = sized for the peak.",
    },
    Spec {
        name: "sizing",
        unit: "",
        mode: "select",
        placeholder: "",
        hint: "Today's: Express at 75 %, quotas as warnings, fewer larger brokers within 3 %, storage throughput priced, Serverless partitions within 250 GiB each. The others size as links made under earlier rules did.",
    },
];

/// A select's (value, text) choices.
fn choices(name: &str, s: &State) -> Vec<(String, String)> {
    let catalog = Catalog::embedded();
    let pairs = |items: &[(&str, &str)]| {
        items
            .iter()
            .map(|(v, t)| (v.to_string(), t.to_string()))
            .collect::<Vec<_>>()
    };
    match name {
        "region" => catalog
            .prices
            .regions
            .iter()
            .map(|(code, r)| {
                // Which options AWS's files price here, and which need your rates.
                let kinesis = r
                    .not_priced
                    .keys()
                    .filter(|id| id.starts_with("kinesis"))
                    .count();
                let others = r.not_priced.len() - kinesis;
                let note = match (kinesis, others) {
                    (0, 0) => " · every option priced".to_string(),
                    (_, 0) => " · Kinesis needs your rates".to_string(),
                    (0, n) => format!(
                        " · {n} MSK option{} need your rates",
                        if n == 1 { "" } else { "s" }
                    ),
                    _ => " · Kinesis and MSK need your rates".to_string(),
                };
                (code.to_string(), format!("{code} — {}{note}", r.name))
            })
            .collect(),
        "network" => network_choices(),
        "dr" => dr_choices(&s.workload.region),
        "broker" => broker_choices(catalog.standard_broker_names()),
        "express" => broker_choices(catalog.express_broker_names()),
        "azs" => pairs(&[("3", "3"), ("2", "2")]),
        "parquet" => pairs(&[
            ("false", "As written (no conversion)"),
            ("true", "Convert to Parquet"),
        ]),
        "lambda_provisioned" => pairs(&[
            ("false", "On-demand pollers (no charge)"),
            ("true", "Provisioned mode (EPU-hours)"),
        ]),
        "dr_replication" => pairs(&[
            ("replicator", "MSK Replicator"),
            ("mm2", "MirrorMaker 2 on MSK Connect"),
        ]),
        _ => pairs(&[
            ("aws", "Today's (AWS guidance)"),
            ("v3", "As links of early December 2026"),
            ("v2", "As links made before December 2026"),
        ]),
    }
}

/// The fields of one table.
fn fields(specs: &'static [Spec], s: &State, onedit: &Callback<(&'static str, String)>) -> Html {
    let size_note = AttrValue::from(format!(
        "Read as {} bytes.",
        format_quantity(s.workload.record_kb * 1024.0, 2)
    ));
    html! {
        { for specs.iter().map(|f| {
            let value = AttrValue::from(s.field(f.name).to_string());
            if f.mode == "checkbox" {
                let name = f.name;
                let onchange = onedit.reform(move |ev: Event| {
                    let input: HtmlInputElement = ev.target_unchecked_into();
                    (name, input.checked().to_string())
                });
                let id = format!("f-{name}");
                let hint_id = format!("{id}-hint");
                html! {
                    <div class="field checkbox">
                        <input id={id.clone()} {name} type="checkbox" checked={display_value(&s.workload, name) == "true"} {onchange} aria-describedby={hint_id.clone()} />
                        <label for={id}>{ label(name) }</label>
                        <small id={hint_id} class="hint">{ f.hint }</small>
                    </div>
                }
            } else if f.mode == "select" {
                html! { <Select name={f.name} label={label(f.name)} hint={f.hint} {value} choices={choices(f.name, s)} onedit={onedit.clone()} /> }
            } else if f.name == "mbps" {
                // What followed what (records/s ↔ MB/s), visible and announced politely
                // (always on the page, so that a change of its text is announced).
                html! { <>
                    <Field name={f.name} label={label(f.name)} unit={f.unit} inputmode={f.mode} placeholder={f.placeholder} hint={f.hint}
                        {value} error={s.errors.get(f.name).map(|e| AttrValue::from(e.clone()))} onedit={onedit.clone()} />
                    <p id="f-follow" class="follow-note" aria-live="polite">{ s.followed.clone().unwrap_or_default() }</p>
                </> }
            } else {
                html! { <Field name={f.name} label={label(f.name)} unit={f.unit} inputmode={f.mode} placeholder={f.placeholder} hint={f.hint}
                    note={(f.name == "size").then(|| size_note.clone())} {value} error={s.errors.get(f.name).map(|e| AttrValue::from(e.clone()))} onedit={onedit.clone()} /> }
            }
        }) }
    }
}

/// The groups under the five core fields, closed by default: (section id in `open=`,
/// title, what is inside, fields). Network's rack-aware checkbox is rendered after its
/// fields.
const GROUPS: [(&str, &str, &str, &[Spec]); 7] = [
    (
        "traffic",
        "Traffic shape",
        "records/s, peak, streams, compression, aggregation, replays",
        &TRAFFIC,
    ),
    (
        "readers",
        "Readers",
        "enhanced fan-out, Firehose to S3, Lambda, Flink, Kafka Connect",
        &READERS,
    ),
    (
        "network",
        "Network",
        "the path to Kinesis, rack-aware consumers, AZs",
        &NETWORK,
    ),
    (
        "kafka",
        "Kafka layout",
        "brokers, storage, partitions, replication, tiered storage",
        &KAFKA,
    ),
    (
        "dr",
        "Disaster recovery",
        "a standby Region and how it is kept in sync",
        &DR,
    ),
    (
        "prices",
        "Your prices",
        "a private discount, what operations work is worth",
        &PRICES,
    ),
    (
        "sizing",
        "Sizing policy",
        "target utilisation, disk headroom, shards, sizing rules",
        &SIZING,
    ),
];

/// The group a field is in (`None` for the five core fields and the must-haves).
pub fn group_of(field: &str) -> Option<&'static str> {
    GROUPS
        .iter()
        .find(|(_, _, _, specs)| specs.iter().any(|s| s.name == field))
        .map(|(id, _, _, _)| *id)
}

/// How many of a group's fields differ from today's defaults (`default`; records/s is
/// left out: it follows the throughput, one of the core fields).
fn changed(specs: &[Spec], w: &crate::model::Workload, default: &crate::model::Workload) -> usize {
    specs
        .iter()
        .filter(|s| s.name != "rps" && display_value(w, s.name) != display_value(default, s.name))
        .count()
}

/// The workload's fields (a function, not a component: the state it shows changes on
/// every keystroke; see [`super::cost_cards::cost_cards`]).
pub fn workload_form(p: &FormProps) -> Html {
    let s = p.state;
    // (Today's defaults, once per render: what "n changed" compares with.)
    let default = crate::model::Workload::default();
    html! {
        <section id="workload" class="workload" aria-labelledby="workload-title">
            <h2 id="workload-title">{ "Your workload" }</h2>
            <div class="fields">
                { fields(&CORE, s, p.onedit) }
            </div>
            <div class="groups">
            { for GROUPS.iter().map(|&(id, title, inside, specs)| {
                let n = changed(specs, &s.workload, &default);
                let invalid = specs.iter().any(|f| s.errors.contains_key(f.name));
                let summary = html! { <>
                    <span class="group-title">{ title }</span>
                    { if n > 0 { html! { <span class="changed">{ format!("{n} changed") }</span> } } else { Html::default() } }
                    { if invalid { html! { <span class="group-invalid">{ "check a value" }</span> } } else { Html::default() } }
                    <span class="group-inside">{ inside }</span>
                </> };
                section_html(id, classes!("group"), summary, s.view.is_open(id), p.ontoggle, || html! {
                    <div class="fields">{ fields(specs, s, p.onedit) }</div>
                })
            }) }
            </div>
        </section>
    }
}
