//! MSK Serverless: cluster-hours, partition-hours, GB in, GB out and storage
//! GB-months. Past a per-cluster or per-partition quota the option is not eligible.

use super::{count_of, partitions};
use crate::model::fixed::shortest;
use crate::model::priced::{Capacity, Ctx, Line, Priced};
use crate::model::units::{format_quantity, HOURS_PER_MONTH};
use crate::model::workload::SizingRules;

pub fn estimate(ctx: &Ctx) -> Option<Priced> {
    let rates = ctx.region.msk_serverless.as_ref()?;
    let w = ctx.workload;
    let d = ctx.derived;
    let l = &ctx.limits.msk_serverless;
    let for_throughput = partitions(ctx);
    // Today's sizing rules: auto partitions also keep each partition's retained data
    // within the topic's default retention.bytes (250 GiB), which would otherwise
    // delete data before the retention ends.
    let for_retention = super::ceil_count(d.gb_retained / l.max_partition_retention_gb)
        .min(u64::from(u32::MAX)) as u32;
    let by_retention =
        w.partitions.is_none() && w.sizing == SizingRules::Aws && for_retention > for_throughput;
    let partitions = if by_retention {
        for_retention
    } else {
        for_throughput
    };
    let mut warnings = Vec::new();
    let mut blockers = Vec::new();
    if d.peak_write_mb_per_s > l.max_in_mb_per_s {
        blockers.push(format!(
            "Peak write of {} MB/s is above the Serverless cluster quota of {} MB/s in.",
            format_quantity(d.peak_write_mb_per_s, 1),
            shortest(l.max_in_mb_per_s)
        ));
    }
    if d.peak_read_mb_per_s > l.max_out_mb_per_s {
        blockers.push(format!(
            "Peak read of {} MB/s is above the Serverless cluster quota of {} MB/s out.",
            format_quantity(d.peak_read_mb_per_s, 1),
            shortest(l.max_out_mb_per_s)
        ));
    }
    if partitions > l.max_partitions {
        blockers.push(format!(
            "{partitions} partitions are above the Serverless quota of {} per cluster.",
            l.max_partitions
        ));
    }
    let per_partition_in = d.peak_write_mb_per_s / f64::from(partitions);
    let per_partition_out = d.peak_read_mb_per_s / f64::from(partitions);
    if per_partition_in > l.partition_in_mb_per_s || per_partition_out > l.partition_out_mb_per_s {
        blockers.push(format!(
            "{} MB/s in and {} MB/s out per partition are above the Serverless quota of {} in and {} out; add partitions.",
            format_quantity(per_partition_in, 2),
            format_quantity(per_partition_out, 2),
            shortest(l.partition_in_mb_per_s),
            shortest(l.partition_out_mb_per_s)
        ));
    }
    let readers = d.readers.all();
    if readers > l.max_consumer_groups {
        warnings.push(format!(
            "{readers} consumer groups are above the Serverless quota of {} per cluster.",
            l.max_consumer_groups
        ));
    }
    let per_partition_gb = d.gb_retained / f64::from(partitions);
    if by_retention {
        warnings.push(format!(
            "{partitions} partitions so that none holds more than {} GiB, the topics' default retention.bytes on Serverless (for throughput alone: {for_throughput}); or raise retention.bytes (up to unlimited) and keep fewer.",
            shortest(l.max_partition_retention_gb)
        ));
    } else if per_partition_gb > l.max_partition_retention_gb {
        warnings.push(format!(
            "{} GB retained per partition is above Serverless's default retention.bytes of {} GiB per partition: raise retention.bytes (up to unlimited), add partitions or shorten the retention.",
            format_quantity(per_partition_gb, 0),
            shortest(l.max_partition_retention_gb)
        ));
    }
    if d.compressed_record_kb > l.max_record_kb {
        blockers.push(format!(
            "Records of {} KB are above the Serverless maximum message size of {} KB (8 MiB).",
            format_quantity(d.compressed_record_kb, 1),
            shortest(l.max_record_kb)
        ));
    }
    let mut lines = vec![
        Line::new(
            "cluster_hours",
            "Cluster-hours (1 cluster)",
            HOURS_PER_MONTH,
            "cluster-hour",
            &rates.cluster_hour,
        ),
        Line::new(
            "partition_hours",
            format!("Partition-hours ({partitions} partitions × 730 h)"),
            f64::from(partitions) * HOURS_PER_MONTH,
            "partition-hour",
            &rates.partition_hour,
        ),
        Line::new(
            "data_in",
            "Data in",
            d.gb_in_per_month,
            "GB",
            &rates.data_in_gb,
        ),
    ];
    // (Replays read too, with or without consumers.)
    if readers > 0 || d.replay_gb_per_month > 0.0 {
        lines.push(Line::new(
            "data_out",
            format!(
                "Data out ({})",
                if readers == d.readers.apps {
                    crate::model::units::count_of(readers, "consumer", "consumers")
                } else {
                    crate::model::units::count_of(readers, "reader", "readers")
                }
            ),
            d.gb_out_per_month,
            "GB",
            &rates.data_out_gb,
        ));
    }
    lines.push(
        Line::new(
            "storage",
            "Storage (retained data)",
            d.gb_retained,
            "GB-month",
            &rates.storage_gb_month,
        )
        .holding(0.0, w.retention_hours),
    );
    let utilisation = (d.peak_write_mb_per_s / l.max_in_mb_per_s)
        .max(d.peak_read_mb_per_s / l.max_out_mb_per_s)
        * 100.0;
    Some(Priced {
        capacity: Capacity {
            summary: format!(
                "1 cluster, {}",
                count_of(partitions, "partition", "partitions")
            ),
            partitions: Some(partitions),
            utilisation_pct: Some(utilisation),
            ..Capacity::default()
        },
        lines,
        warnings,
        blockers,
    })
}
