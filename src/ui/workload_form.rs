//! The workload form: every link parameter as a labelled field with its unit and a
//! hint. A refused value is marked at its field; the estimate keeps the last valid one.

use super::maybe;
use super::section::section;
use super::state::{label, State};
use crate::model::units::format_quantity;
use crate::model::Catalog;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FormProps {
    pub state: State,
    pub onedit: Callback<(&'static str, String)>,
    pub ontoggle: Callback<(String, bool)>,
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
            { maybe(p.error.as_ref().map(|e| html! { <small id={err_id} class="error" role="alert">{ format!("{}: {e}", p.label) }</small> })) }
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

#[function_component(WorkloadForm)]
pub fn workload_form(p: &FormProps) -> Html {
    let s = &p.state;
    let catalog = Catalog::embedded();
    let f = |name: &'static str| AttrValue::from(s.field(name).to_string());
    let err = |name: &'static str| s.errors.get(name).map(|e| AttrValue::from(e.clone()));
    let e = p.onedit.clone();
    let bytes = s.workload.record_kb * 1024.0;
    let size_note = AttrValue::from(format!("Read as {} bytes.", format_quantity(bytes, 2)));
    let regions: Vec<(String, String)> = catalog
        .prices
        .regions
        .iter()
        .map(|(code, r)| (code.to_string(), format!("{code} — {}", r.name)))
        .collect();
    let rack_name = "rack_aware";
    let onrack = p.onedit.reform(move |ev: Event| {
        let input: HtmlInputElement = ev.target_unchecked_into();
        (rack_name, input.checked().to_string())
    });
    html! {
        <section class="workload" aria-labelledby="workload-title">
            <h2 id="workload-title">{ "Your workload" }</h2>
            <div class="fields">
                <Field name="rps" label={label("rps")} unit="average" hint="Records written per second, on average." value={f("rps")} error={err("rps")} onedit={e.clone()} />
                <Field name="mbps" label={label("mbps")} unit="MB/s average" hint="Or type the throughput: records/s follows for the record size (1 MB = 1,024 KB)." value={f("mbps")} error={err("mbps")} onedit={e.clone()} />
                <Field name="size" label={label("size")} unit="KB" inputmode="text" hint="KB, or with a unit: 200B, 2KB, 1.5KiB, 1MB (1 KB = 1,024 bytes, 1 MB = 1,024 KB)." note={size_note} value={f("size")} error={err("size")} onedit={e.clone()} />
                <Field name="peak" label={label("peak")} unit="× average" hint="Peak write rate ÷ average (1 = steady)." value={f("peak")} error={err("peak")} onedit={e.clone()} />
                <Field name="consumers" label={label("consumers")} unit="apps" inputmode="numeric" hint="Applications (consumer groups) that each read every record." value={f("consumers")} error={err("consumers")} onedit={e.clone()} />
                <Field name="efo" label={label("efo")} unit="of those" inputmode="numeric" hint="Kinesis only: consumers with their own 2 MB/s per shard." value={f("efo")} error={err("efo")} onedit={e.clone()} />
                <Field name="retention" label={label("retention")} unit="h or d" inputmode="text" hint="Hours (36 or 36h) or days (7d)." value={f("retention")} error={err("retention")} onedit={e.clone()} />
                <Field name="streams" label={label("streams")} unit="count" inputmode="numeric" hint="The workload is spread evenly over this many Kinesis streams or Kafka topics." value={f("streams")} error={err("streams")} onedit={e.clone()} />
                <Field name="compression" label={label("compression")} unit="× (4 = 4:1)" hint="AWS bills the compressed bytes. Kafka producers compress batches; for Kinesis only if its producers compress the payload themselves." value={f("compression")} error={err("compression")} onedit={e.clone()} />
                <Field name="aggregate" label={label("aggregate")} unit="KB per Kinesis record" placeholder="off" hint="Kinesis producers pack records into records of this size (KPL aggregation or batching, e.g. 25). Empty = off. No effect on MSK, whose producers batch anyway." value={f("aggregate")} error={err("aggregate")} onedit={e.clone()} />
                <Field name="replay" label={label("replay")} unit="per month" hint="Times a month one consumer re-reads the whole retained data (e.g. 1 for a monthly audit)." value={f("replay")} error={err("replay")} onedit={e.clone()} />
                <Select name="region" label={label("region")} hint="Only regions whose prices are sourced." value={f("region")} choices={regions} onedit={e.clone()} />
                <Select name="network" label={label("network")} hint="How clients in a VPC reach Kinesis; priced on the Kinesis cards. MSK clients sit in the cluster's VPC." value={f("network")} choices={network_choices()} onedit={e.clone()} />
                <Select name="dr" label={label("dr")} hint="Price every option as an active/passive pair: a standby in this Region, the replication and the inter-Region transfer." value={f("dr")} choices={dr_choices(&s.workload.region)} onedit={e.clone()} />
                <Field name="connect" label={label("connect")} unit="MCUs" inputmode="numeric" hint="Kafka Connect workers (1 MCU = 1 vCPU, 4 GiB), on the MSK options. 0 = none." value={f("connect")} error={err("connect")} onedit={e.clone()} />
                <Field name="target" label={label("target")} unit="%" placeholder="AWS guidance" hint="One target for every provisioned option (shards, brokers). Empty = each service's default from AWS: shards at their limits, MSK Standard 50 %, Express 75 %." value={f("target")} error={err("target")} onedit={e.clone()} />
                <Field name="headroom" label={label("headroom")} unit="× data held" placeholder="2" hint="EBS provisioned on MSK Standard per GB held. Empty = 2× (AWS's sizing script)." value={f("headroom")} error={err("headroom")} onedit={e.clone()} />
                <div class="field checkbox">
                    <input id="f-rack_aware" name="rack_aware" type="checkbox" checked={s.workload.rack_aware} onchange={onrack} aria-describedby="f-rack_aware-hint" />
                    <label for="f-rack_aware">{ label("rack_aware") }</label>
                    <small id="f-rack_aware-hint" class="hint">{ "MSK: consumers fetch from a replica in their own AZ (follower fetching), so reads cross no AZ. The MSK cards say what it saves." }</small>
                </div>
            </div>
            { section("advanced", classes!("advanced"), "Advanced: capacity overrides, Kafka layout, tiered storage, discount".to_string(), s.view.is_open("advanced"), &p.ontoggle, || html! {
                <div class="fields">
                    <Field name="shards" label={label("shards")} unit="count" inputmode="numeric" placeholder="auto" hint="Provisioned shards; empty = sized for the peak." value={f("shards")} error={err("shards")} onedit={e.clone()} />
                    <Select name="broker" label={label("broker")} hint="Empty = the cheapest type that fits." value={f("broker")} choices={broker_choices(catalog.standard_broker_names())} onedit={e.clone()} />
                    <Field name="brokers" label={label("brokers")} unit="count" inputmode="numeric" placeholder="auto" hint="A multiple of the AZ count." value={f("brokers")} error={err("brokers")} onedit={e.clone()} />
                    <Field name="storage" label={label("storage")} unit="GB" placeholder="auto" hint="1 to 16,384 GB." value={f("storage")} error={err("storage")} onedit={e.clone()} />
                    <Select name="express" label={label("express")} hint="Empty = the cheapest size that fits." value={f("express")} choices={broker_choices(catalog.express_broker_names())} onedit={e.clone()} />
                    <Field name="express_brokers" label={label("express_brokers")} unit="count" inputmode="numeric" placeholder="auto" hint="A multiple of 3." value={f("express_brokers")} error={err("express_brokers")} onedit={e.clone()} />
                    <Field name="partitions" label={label("partitions")} unit="count" inputmode="numeric" placeholder="auto" hint="Empty = ≤ 5 MB/s in and ≤ 10 MB/s out per partition." value={f("partitions")} error={err("partitions")} onedit={e.clone()} />
                    <Select name="azs" label={label("azs")} hint="Express and most production clusters use 3." value={f("azs")} choices={vec![("3".into(), "3".into()), ("2".into(), "2".into())]} onedit={e.clone()} />
                    <Field name="rf" label={label("rf")} unit="copies" inputmode="numeric" hint="Kafka copies of each partition (1–3)." value={f("rf")} error={err("rf")} onedit={e.clone()} />
                    <Field name="tiered" label={label("tiered")} unit="h or d" inputmode="text" placeholder="auto" hint="Empty = auto: the cheaper of all on EBS and tiered storage keeping 1 or 3 days on EBS. off = all on EBS; 1d = 1 day on EBS, the rest tiered." value={f("tiered")} error={err("tiered")} onedit={e.clone()} />
                    <Select name="sizing" label={label("sizing")} hint="aws: today's (Express 75 %, quotas as warnings, fewer larger brokers within 3 %, storage throughput priced). v2: as links made before 2026-12 sized." value={f("sizing")} choices={vec![("aws".into(), "aws (today's)".into()), ("v2".into(), "v2 (older links)".into())]} onedit={e.clone()} />
                    <Field name="ops" label={label("ops")} unit="USD a month per level" inputmode="decimal" hint="What you would pay to avoid one level of operational load (serverless 1, Express or shards 2, Standard 3); the recommendation weighs it. 0 = only ties." value={f("ops")} error={err("ops")} onedit={e.clone()} />
                    <Field name="discount" label={label("discount")} unit="%" hint="Applied to every line, shown as its own line." value={f("discount")} error={err("discount")} onedit={e} />
                </div>
            }) }
        </section>
    }
}
