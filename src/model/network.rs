//! The network path from clients in a VPC to Kinesis's API (`network=`), priced once
//! here for every Kinesis mode: an interface VPC endpoint (AWS PrivateLink) in each of
//! the workload's AZs, or a NAT gateway in each AZ, each billed per hour and per GB
//! processed. Every GB written and every GB read (shared, enhanced fan-out, replays)
//! passes through it: AWS charges "for each Gigabyte processed through the VPC endpoint
//! regardless of the traffic's source or destination". Clients use the endpoint or
//! gateway of their own AZ, so no cross-AZ transfer is added.
//!
//! Kafka clients sit in the cluster's VPC: MSK has no such line (its cross-AZ client
//! traffic is priced by the MSK options).

use super::priced::{Ctx, Line};
use super::units::HOURS_PER_MONTH;
use super::workload::NetworkPath;

/// GB a month through the network path: all bytes written, and the bytes read by
/// applications in the VPC (service-side readers such as Firehose and Lambda don't pass
/// it: [`super::readers::Readers::through_vpc_path`]).
pub fn gb_processed(ctx: &Ctx) -> f64 {
    ctx.derived.gb_in_per_month + ctx.derived.vpc_gb_out_per_month
}

/// The network path's lines for a Kinesis option, or why it cannot be priced here.
pub fn kinesis_lines(ctx: &Ctx) -> Result<Vec<Line>, String> {
    let path = ctx.workload.network;
    if path == NetworkPath::None {
        return Ok(Vec::new());
    }
    let Some(rates) = &ctx.region.network else {
        return Err(format!(
            "No {} rates for {} were found: the network path (“Network path to Kinesis”: {}) is not in this total.",
            match path {
                NetworkPath::Nat => "NAT gateway",
                _ => "interface VPC endpoint",
            },
            ctx.region_code,
            match path {
                NetworkPath::Nat => "NAT gateways",
                _ => "interface VPC endpoint",
            }
        ));
    };
    let azs = ctx.workload.azs;
    let hours = f64::from(azs) * HOURS_PER_MONTH;
    let gb = gb_processed(ctx);
    let mut lines = Vec::new();
    match path {
        NetworkPath::Endpoint => {
            lines.push(Line::new(
                "endpoint_hours",
                format!("Interface VPC endpoint-hours ({azs} AZs)"),
                hours,
                "endpoint-hour",
                &rates.interface_endpoint_hour,
            ));
            // Monthly tiers: first, next, and everything above.
            let n = &ctx.limits.network;
            let (first, second, third) = super::units::split_tiers(
                gb,
                n.interface_endpoint_first_tier_gb,
                n.interface_endpoint_second_tier_gb,
            );
            let tiered = second > 0.0;
            lines.push(Line::new(
                "endpoint_data",
                if tiered {
                    "VPC endpoint data processed, first 1 PB (GB in + out)"
                } else {
                    "VPC endpoint data processed (GB in + out)"
                },
                first,
                "GB",
                &rates.interface_endpoint_gb_first_tier,
            ));
            if tiered {
                lines.push(Line::new(
                    "endpoint_data_next",
                    "VPC endpoint data processed, next 4 PB",
                    second,
                    "GB",
                    &rates.interface_endpoint_gb_second_tier,
                ));
            }
            if third > 0.0 {
                lines.push(Line::new(
                    "endpoint_data_over",
                    "VPC endpoint data processed, over 5 PB",
                    third,
                    "GB",
                    &rates.interface_endpoint_gb_third_tier,
                ));
            }
        }
        NetworkPath::Nat => {
            lines.push(Line::new(
                "nat_hours",
                format!("NAT gateway-hours ({azs} AZs)"),
                hours,
                "gateway-hour",
                &rates.nat_gateway_hour,
            ));
            lines.push(Line::new(
                "nat_data",
                "NAT gateway data processed (GB in + out)",
                gb,
                "GB",
                &rates.nat_gateway_gb,
            ));
        }
        NetworkPath::None => {}
    }
    Ok(lines)
}
