//! Kinesis Data Streams, On-demand Advantage: an account-level billing mode for
//! on-demand streams. No stream-hour; data in, data out (shared and enhanced fan-out)
//! and retention beyond 24 h at lower per-GB rates ([`super::kinesis_on_demand::priced`]).
//!
//! In return the account commits to at least 25 MiB/s of ingest and 25 MiB/s of
//! retrieval in the Region (limits.toml `advantage_commitment_mb_per_s`), billed at the
//! same per-GB rates when usage is lower. Retrieval counts every read: shared,
//! enhanced fan-out and replays (AWS's Pricing Calculator sums all consumers; AWS's
//! measured bills of 2026-03-09 agree, see tests/engine.rs).

use super::kinesis_on_demand::{billed_gb_in, priced, OnDemandRates};
use crate::model::fixed::shortest;
use crate::model::priced::{Ctx, Line, Priced};
use crate::model::units::{format_usd_cents, mb_per_s_to_gb_per_month, usd_to_cents};

pub fn estimate(ctx: &Ctx) -> Option<Priced> {
    let r = ctx.region.kinesis_on_demand_advantage.as_ref()?;
    let k = &ctx.limits.kinesis;
    let d = ctx.derived;
    let mut p = priced(
        ctx,
        &OnDemandRates {
            stream_hour: None,
            data_in_gb: &r.data_in_gb,
            data_out_gb: &r.data_out_gb,
            efo_data_out_gb: &r.efo_data_out_gb,
            extended_retention_gb_month: &r.extended_retention_gb_month,
            long_term_retention_gb_month: &r.long_term_retention_gb_month,
            max_efo_consumers: k.advantage_max_efo_consumers,
        },
    );

    // The commitment, in GB a month, for ingest and (separately) for retrieval.
    let commitment_mb_per_s = k.advantage_commitment_mb_per_s;
    let commitment_gb = mb_per_s_to_gb_per_month(commitment_mb_per_s);
    let ingest_gb = billed_gb_in(ctx);
    let retrieval_gb = d.gb_out_per_month;
    let ingest_short = (commitment_gb - ingest_gb).max(0.0);
    let retrieval_short = (commitment_gb - retrieval_gb).max(0.0);
    let mb = shortest(commitment_mb_per_s);
    let why = "AWS has not published how a partly used commitment is metered; priced as the monthly shortfall of average usage below the commitment at the per-GB rate (AWS's Pricing Calculator does the same)";
    let mut shortfall = |id, label: String, gb: f64, rate| {
        let mut line = Line::new(id, label, gb, "GB", rate);
        line.uncertain = Some(why.into());
        p.lines.push(line);
    };
    if ingest_short > 0.0 {
        shortfall(
            "commitment_ingest_shortfall",
            format!("Commitment shortfall, ingest (below {mb} MiB/s)"),
            ingest_short,
            &r.data_in_gb,
        );
    }
    if retrieval_short > 0.0 {
        shortfall(
            "commitment_retrieval_shortfall",
            format!("Commitment shortfall, retrieval (below {mb} MiB/s)"),
            retrieval_short,
            &r.data_out_gb,
        );
    }
    let floor_cents = usd_to_cents(commitment_gb * (r.data_in_gb.usd + r.data_out_gb.usd));
    p.capacity.commitment_cents = Some(floor_cents);
    p.warnings.push(format!(
        "The commitment of {mb} MiB/s ingest and {mb} MiB/s retrieval ({} a month at least) is per account and Region: every on-demand stream of the account in the Region counts toward it and moves to these rates. AWS: it pays from about 10 MiB/s, more than 2 consumers, or hundreds of streams.",
        format_usd_cents(floor_cents)
    ));
    Some(p)
}
