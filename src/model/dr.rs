//! A DR pair (`dr=<region>`): every option priced as an active/passive pair across two
//! Regions, on equal terms, in one place:
//! - the primary, with the replication as one more reader of every record;
//! - a standby of the same option in the DR Region, sized for the replicated data (the
//!   same writes and retention, no readers, no connectors);
//! - the replication itself: for MSK, MSK Replicator (replicator-hours and GB replicated,
//!   at the DR Region's rates, from AWS's MSK pricing data); for Kinesis, which has no
//!   managed cross-Region replication, a consumer application (Lambda or KCL) that reads
//!   the stream and writes to the standby, whose compute is named and not priced;
//! - for both, the inter-Region data transfer of every GB written, billed by the primary's
//!   Region.

use super::priced::{Ctx, Line, OptionId, Priced};
use super::units::HOURS_PER_MONTH;
use super::workload::Workload;

/// MirrorMaker 2 on MSK Connect in the DR Region (`dr_replication=mm2`, and always for
/// self-managed Kafka, which MSK Replicator cannot read): MCU-hours at the standby's
/// MSK Connect rate, the link's `mm2_mcus` or the smallest deployment.
fn mirror_maker(
    id: OptionId,
    ctx: &Ctx,
    dr: &str,
    dr_prices: &super::prices::RegionPrices,
    p: &mut Priced,
) {
    let w = ctx.workload;
    let mcus = w.mm2_mcus.unwrap_or(ctx.limits.kafka.mm2_default_mcus);
    let Some(r) = &dr_prices.msk_connect else {
        return;
    };
    let first = p.lines.len();
    p.lines.push(Line::new(
        "mm2_mcu_hours",
        format!("MirrorMaker 2 on MSK Connect in {dr} ({mcus} MCUs × 730 h)"),
        f64::from(mcus) * HOURS_PER_MONTH,
        "MCU-hour",
        &r.mcu_hour,
    ));
    super::priced::usage_types(&mut p.lines[first..], dr_prices);
    if id == OptionId::KafkaEc2 && !w.mm2 {
        p.warnings.push(
            "MSK Replicator reads MSK clusters only: self-managed Kafka replicates with MirrorMaker 2."
                .to_string(),
        );
    }
    if w.mm2_mcus.is_none() {
        p.warnings.push(format!(
            "MirrorMaker 2 sized at its smallest: its three connectors (records, offsets, heartbeats) at 1 MCU each. AWS publishes no MirrorMaker 2 throughput per MCU: give yours as “MirrorMaker 2 capacity” (now {mcus})."
        ));
    }
}

/// The pair's priced lines, or why the pair cannot be priced. `price` prices one option
/// in one Region.
pub fn pair(
    id: OptionId,
    ctx: &Ctx,
    dr: &str,
    price: fn(OptionId, &Ctx) -> Result<Priced, String>,
) -> Result<Priced, String> {
    let catalog = ctx.catalog;
    // The standby's rates: the user's rates naming its Region
    // (`rate.<dr>.<section>.<key>`), the rest as the book of the link's edition had them.
    let Some(dr_prices) = super::priced::rates_in(ctx.workload, catalog, dr, false) else {
        return Err(format!("unknown DR Region \"{dr}\""));
    };
    let dr_prices = &dr_prices;
    let w = ctx.workload;
    // (Kinesis: AWS's sample replicator is a Lambda function on enhanced fan-out,
    // aws-samples/aws-kinesis-data-streams-replicator.)
    let primary_w = Workload {
        consumers: w.consumers.saturating_add(1),
        efo_consumers: w.efo_consumers + u32::from(id.is_kinesis()),
        dr_region: None,
        ..w.clone()
    };
    let primary_d = primary_w.derived_for(id.kinesis_bytes());
    let primary_ctx = Ctx {
        workload: &primary_w,
        derived: &primary_d,
        region_code: ctx.region_code,
        region: ctx.region,
        limits: ctx.limits,
        catalog,
    };
    let mut p = price(id, &primary_ctx)?;
    let standby_w = Workload {
        region: dr.to_string(),
        consumers: 0,
        efo_consumers: 0,
        firehose: 0,
        lambda: 0,
        flink_kpus: 0,
        replays: 0.0,
        connect_mcus: 0,
        dr_region: None,
        ..w.clone()
    };
    let standby_d = standby_w.derived_for(id.kinesis_bytes());
    let standby_ctx = Ctx {
        workload: &standby_w,
        derived: &standby_d,
        region_code: dr,
        region: dr_prices,
        limits: ctx.limits,
        catalog,
    };
    let standby = price(id, &standby_ctx).map_err(|r| format!("the standby in {dr}: {r}"))?;

    p.blockers.extend(
        standby
            .blockers
            .iter()
            .map(|b| format!("The standby in {dr}: {b}")),
    );
    for l in standby.lines {
        p.lines.push(Line {
            label: format!("Standby in {dr}: {}", l.label),
            standby: true,
            ..l
        });
    }
    // Every GB written crosses to the DR Region once.
    let gb = ctx.derived.gb_in_per_month;
    if id.is_kinesis() {
        p.warnings.push(format!(
            "Kinesis has no managed cross-Region replication: a consumer (AWS's sample is a Lambda function on enhanced fan-out) reads the stream and writes to the standby in {dr}; it is priced here as one more enhanced fan-out reader, its Lambda compute is not priced."
        ));
    } else if w.mm2 || id == OptionId::KafkaEc2 {
        mirror_maker(id, ctx, dr, dr_prices, &mut p);
    } else if let Some(r) = &dr_prices.msk_replicator {
        // (`complete` gave the standby every section: a rate it lacks is named below.)
        let first = p.lines.len();
        p.lines.push(Line::new(
            "replicator_hours",
            format!("MSK Replicator in {dr} (1 × 730 h)"),
            HOURS_PER_MONTH,
            "replicator-hour",
            &r.replicator_hour,
        ));
        p.lines.push(Line::new(
            "data_replicated",
            "MSK Replicator: data replicated",
            gb,
            "GB",
            &r.data_replicated_gb,
        ));
        super::priced::usage_types(&mut p.lines[first..], dr_prices);
    }
    // (A standby rate nobody gave stays on its line as missing, named with the Region:
    // the pair is then not priced, and says which rates of which Region it needs.)
    let transfer = ctx
        .region
        .data_transfer
        .as_ref()
        .and_then(|t| t.inter_region_gb_to.get(dr).or(t.inter_region_gb.as_ref()));
    match transfer {
        Some(rate) => {
            let mut line = Line::new(
                "inter_region_transfer",
                format!(
                    "Data transfer {} → {dr} (every GB written)",
                    ctx.region_code
                ),
                gb,
                "GB",
                rate,
            );
            // AWS's usage type names both Regions, the sending one first, prefixed in
            // us-east-1 too: `USE1-USW2-AWS-Out-Bytes` (AWS's usage report guide,
            // "region1-region2-AWS-Out-Bytes: the amount of data transferred from AWS
            // Region1 to AWS Region2"; AWS Price List, AWSDataTransfer
            // `USE2-SAE1-AWS-Out-Bytes`, "InterRegion Outbound").
            if let (Some(from), Some(to)) =
                (&ctx.region.usage_type_prefix, &dr_prices.usage_type_prefix)
            {
                line.usage_type = Some(format!("{from}-{to}-AWS-Out-Bytes"));
            }
            p.lines.push(line);
        }
        None => p.warnings.push(format!(
            "No inter-Region data transfer rate from {} was found: it is not in this total.",
            ctx.region_code
        )),
    }
    p.capacity.summary = format!(
        "{}; standby in {dr}: {}",
        p.capacity.summary, standby.capacity.summary
    );
    Ok(p)
}
