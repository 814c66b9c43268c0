//! The figures derived from the workload, shown live under the form.

use super::maybe;
use crate::model::units::format_quantity;
use crate::model::workload::Derived;
use yew::prelude::*;

#[derive(PartialEq)]
pub struct DerivedProps {
    /// Kafka's figures (MSK options: `compression`).
    pub derived: Derived,
    /// Kinesis's figures (`kinesis_compression`).
    pub kinesis: Derived,
}

/// (A plain function: it changes with nearly every keystroke anyway.)
pub fn derived_figures(p: &DerivedProps) -> Html {
    let d = &p.derived;
    let k = &p.kinesis;
    // Kafka and Kinesis producers may compress differently: each platform's bytes.
    let split = k.avg_write_mb_per_s != d.avg_write_mb_per_s;
    let item = |label: &str, value: String, id: &str| {
        html! {
            <div class="figure" data-figure={id.to_string()}><dt>{ label.to_string() }</dt><dd>{ value }</dd></div>
        }
    };
    html! {
        <dl class="derived" aria-label="Derived figures">
            { item(if split { "Write to MSK, average" } else { "Write, average" }, format!("{} MB/s", format_quantity(d.avg_write_mb_per_s, 3)), "write") }
            { maybe(split.then(|| item("Write to Kinesis, average", format!("{} MB/s", format_quantity(k.avg_write_mb_per_s, 3)), "kinesis-write"))) }
            { maybe((d.raw_avg_write_mb_per_s != d.avg_write_mb_per_s || split).then(|| item("Before compression", format!("{} MB/s", format_quantity(d.raw_avg_write_mb_per_s, 3)), "raw-write"))) }
            { maybe((d.streams > 1).then(|| item("Per stream or topic", format!("{} MB/s", format_quantity(d.avg_write_mb_per_s / f64::from(d.streams), 3)), "per-stream"))) }
            { item("Kinesis records", format!("{}/s of {} KB", format_quantity(k.kinesis_records_per_s, 1), format_quantity(k.kinesis_record_kb, 3)), "kinesis-records") }
            { item("Write, peak", format!("{} MB/s", format_quantity(d.peak_write_mb_per_s, 3)), "peak-write") }
            { item("Read, peak (all readers)", format!("{} MB/s", format_quantity(d.peak_read_mb_per_s, 3)), "read") }
            { item("Data in per month", format!("{} GB", format_quantity(d.gb_in_per_month, 1)), "gb-in") }
            { item("Data retained", format!("{} GB", format_quantity(d.gb_retained, 1)), "gb-retained") }
            { maybe((d.replay_gb_per_month > 0.0).then(|| item("Re-read by replays", format!("{} GB a month", format_quantity(d.replay_gb_per_month, 1)), "replay"))) }
        </dl>
    }
}
