//! The price refresh: reads AWS's own price files from local paths and rewrites
//! `data/prices.toml` (`cargo run --bin refresh-prices`; README, "Refreshing prices").
//!
//! Two formats:
//! - the AWS pricing pages' data files (`meteredUnitMaps/msk/USD/current/msk.json`):
//!   regions keyed by location name, each rate with its `usageType` and `price`;
//! - the AWS Price List (bulk offer files `offers/v1.0/aws/<service>/current/<region>/index.json`,
//!   or the Price List API's `GetProducts` output): products with `usagetype`,
//!   `operation` and `regionCode`, and on-demand terms with (tiered) price dimensions.
//!
//! A rate is recognised by its AWS usage type without the Region's prefix
//! ([`USAGE_TYPES`]); its Region by the prefix the price book records
//! (`usage_type_prefix`) or the file's `regionCode`. The book is rewritten line by line,
//! so its comments and layout stay: a rate found with another value or source is
//! changed in place, a rate the book lacks is added to its table (the table added when
//! absent), and every rate no file gave keeps its value and source. The run reports
//! each change (old → new), each addition and what no file gave. A file that cannot be
//! read is an error, and nothing is written.

use crate::model::prices::{PriceBook, SECTIONS};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// Usage types (without the Region's prefix) → the price book's rate, with the first
/// unit of the tier it prices (`VpcEndpoint-Bytes` is priced in three monthly tiers).
/// Broker types map by pattern (`Kafka.<type>`, `Express.<type>`: [`rate_of`]).
/// Kinesis's usage types and operations are those infracost's price filters use
/// (internal/resources/aws/kinesis_stream.go) and AWS's Price List shows
/// (`Extended-ShardHour`).
pub const USAGE_TYPES: [(&str, &str, u64); 33] = [
    // AmazonMSK (the pricing page's data file and the Price List).
    ("Kafka.Storage.GP2", "msk_standard.storage_gb_month", 0),
    (
        "Kafka.Throughput",
        "msk_standard.storage_throughput_mib_per_s_month",
        0,
    ),
    (
        "Kafka.Storage.Tiered",
        "msk_standard.tiered_storage_gb_month",
        0,
    ),
    (
        "Kafka.DataRetrieval.Tiered",
        "msk_standard.tiered_retrieval_gb",
        0,
    ),
    ("Express.In-Bytes", "msk_express.data_written_gb", 0),
    ("Express.Storage", "msk_express.storage_gb_month", 0),
    (
        "KafkaServerless-ClusterHours",
        "msk_serverless.cluster_hour",
        0,
    ),
    (
        "KafkaServerless-PartitionHours",
        "msk_serverless.partition_hour",
        0,
    ),
    ("KafkaServerless-In-Bytes", "msk_serverless.data_in_gb", 0),
    ("KafkaServerless-Out-Bytes", "msk_serverless.data_out_gb", 0),
    (
        "KafkaServerless-StorageHours",
        "msk_serverless.storage_gb_month",
        0,
    ),
    ("Kafka.mcu.general", "msk_connect.mcu_hour", 0),
    (
        "KafkaReplication-ReplicatorHours",
        "msk_replicator.replicator_hour",
        0,
    ),
    (
        "KafkaReplication-Processed-Bytes",
        "msk_replicator.data_replicated_gb",
        0,
    ),
    (
        "Kafka.PrivateConnectivityHours",
        "msk_private_connectivity.broker_hour",
        0,
    ),
    (
        "Kafka.PrivateConnectivity.BytesProcessed",
        "msk_private_connectivity.gb_processed",
        0,
    ),
    // AmazonKinesis.
    ("OnDemand-StreamHour", "kinesis_on_demand.stream_hour", 0),
    (
        "OnDemand-BilledIncomingBytes",
        "kinesis_on_demand.data_in_gb",
        0,
    ),
    (
        "OnDemand-BilledOutgoingBytes",
        "kinesis_on_demand.data_out_gb",
        0,
    ),
    (
        "OnDemand-BilledOutgoingEFOBytes",
        "kinesis_on_demand.efo_data_out_gb",
        0,
    ),
    (
        "OnDemand-ExtendedRetention-ByteHrs",
        "kinesis_on_demand.extended_retention_gb_month",
        0,
    ),
    (
        "OnDemand-LongTermRetention-ByteHrs",
        "kinesis_on_demand.long_term_retention_gb_month",
        0,
    ),
    (
        "OnDemand-LongTermRetention-ByteHrs",
        "kinesis_provisioned.long_term_retention_gb_month",
        0,
    ),
    ("Storage-ShardHour", "kinesis_provisioned.shard_hour", 0),
    (
        "PutRequestPayloadUnits",
        "kinesis_provisioned.put_payload_units_million",
        0,
    ),
    (
        "Extended-ShardHour",
        "kinesis_provisioned.extended_retention_shard_hour",
        0,
    ),
    // AmazonVPC: interface endpoints (PrivateLink), data processed in monthly tiers.
    ("VpcEndpoint-Hours", "network.interface_endpoint_hour", 0),
    (
        "VpcEndpoint-Bytes",
        "network.interface_endpoint_gb_first_tier",
        0,
    ),
    (
        "VpcEndpoint-Bytes",
        "network.interface_endpoint_gb_second_tier",
        1_048_576,
    ),
    (
        "VpcEndpoint-Bytes",
        "network.interface_endpoint_gb_third_tier",
        5_242_880,
    ),
    // AmazonEC2: NAT gateways.
    ("NatGateway-Hours", "network.nat_gateway_hour", 0),
    ("NatGateway-Bytes", "network.nat_gateway_gb", 0),
    // Data transfer between AZs in a Region (AWSDataTransfer or AmazonEC2).
    (
        "DataTransfer-Regional-Bytes",
        "data_transfer.cross_az_gb_each_direction",
        0,
    ),
];

/// One rate read from a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// Region code.
    pub region: String,
    /// `<section>.<key>` as the price book names it.
    pub name: String,
    pub usd: f64,
    /// The usage type without the Region's prefix.
    pub usage_type: String,
}

/// One file's rates, and what the book's `[sources]` says about the file.
#[derive(Clone, Debug, PartialEq)]
pub struct FileRates {
    /// The key under `[sources]`.
    pub source: String,
    pub title: String,
    pub url: String,
    /// The file's publication date (YYYY-MM-DD).
    pub date: String,
    pub rates: Vec<Found>,
    /// Regions the file names: (code, AWS's location name, usage-type prefix). Price
    /// List files name them; a Region new to the book is added from these.
    pub regions: Vec<(String, String, String)>,
    /// Whether its date counts toward the book's `as_of` (the EBS data file, whose gp3
    /// rates only self-managed Kafka uses, does not: its date is on its lines).
    pub as_of: bool,
}

/// The book's rate for an AWS usage type (prefix removed) and tier, if it uses one.
pub fn rate_of(usage_type: &str, begin: u64) -> Vec<String> {
    let mut out: Vec<String> = USAGE_TYPES
        .iter()
        .filter(|(u, _, b)| *u == usage_type && *b == begin)
        .map(|(_, n, _)| n.to_string())
        .collect();
    out.dedup();
    if out.is_empty() {
        // A broker type: an instance family (`m5`, `m7g`, `t3`) and a size.
        let broker = |t: &str| {
            let (family, size) = t.split_once('.').unwrap_or(("", ""));
            let mut c = family.chars();
            matches!(c.next(), Some('m' | 't'))
                && c.next().is_some_and(|d| d.is_ascii_digit())
                && !size.is_empty()
                && !size.contains('.')
        };
        if let Some(t) = usage_type.strip_prefix("Kafka.").filter(|t| broker(t)) {
            out.push(format!("msk_standard.broker_hour.kafka.{t}"));
        } else if let Some(t) = usage_type.strip_prefix("Express.").filter(|t| broker(t)) {
            out.push(format!("msk_express.broker_hour.express.{t}"));
        }
    }
    out
}

fn date_of(s: &str) -> String {
    s.chars().take(10).collect()
}

fn price(v: &Value) -> Option<f64> {
    let p: f64 = match v {
        Value::String(s) => s.trim().parse().ok()?,
        Value::Number(n) => n.as_f64()?,
        _ => return None,
    };
    (p.is_finite() && p >= 0.0).then_some(p)
}

/// A usage type split into the Region's prefix and the rest (`EU-Kafka.m5.large` →
/// `("EU", "Kafka.m5.large")`); usage types of us-east-1 often have no prefix.
fn split_usage_type(ut: &str, prefixes: &BTreeMap<String, String>) -> (Option<String>, String) {
    if let Some((p, rest)) = ut.split_once('-') {
        if prefixes.contains_key(p) {
            return (Some(p.to_string()), rest.to_string());
        }
    }
    (None, ut.to_string())
}

/// Reads an AWS pricing page's data file (the MSK one): every rate of every Region the
/// book knows (by the usage types' prefix). Rates of Regions the book lacks are
/// returned under the prefix's name (`?EUN1`) so that the report can list them.
pub fn read_pricing_page(text: &str, book: &PriceBook) -> Result<FileRates, String> {
    let v: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let date = v
        .pointer("/manifest/hawkFilePublicationDate")
        .and_then(Value::as_str)
        .ok_or("no manifest.hawkFilePublicationDate: not an AWS pricing page data file")?;
    let service = v
        .pointer("/manifest/serviceId")
        .and_then(Value::as_str)
        .unwrap_or("");
    let regions = v
        .get("regions")
        .and_then(Value::as_object)
        .ok_or("no regions: not an AWS pricing page data file")?;
    if service == "ec2" {
        return read_ec2_page(&v, regions, date, book);
    }
    let prefixes = prefixes(book);
    let mut rates = Vec::new();
    let mut seen = BTreeSet::new();
    let mut named: Vec<(String, String, String)> = Vec::new();
    for (location, entries) in regions {
        let Some(entries) = entries.as_object() else {
            return Err("a region's rates are not a table".into());
        };
        for e in entries.values() {
            let Some(ut) = e.get("usageType").and_then(Value::as_str) else {
                continue; // (a reference from `sets`: the same rate is listed in full)
            };
            let Some(usd) = e.get("price").and_then(price) else {
                return Err(format!("{ut}: price is not a number"));
            };
            // Cross-Region replication is what the book prices (the same-Region rate
            // has the same usage type).
            if e.get("operation").and_then(Value::as_str) == Some("SameRegionSource") {
                continue;
            }
            let (prefix, rest) = split_usage_type(ut, &prefixes);
            let region = match prefix.as_deref().and_then(|p| prefixes.get(p)) {
                Some(code) => code.clone(),
                // A Region the book does not list: by its location name, resolved (or
                // reported) with the Regions of the Price List files read (`refresh`).
                None => match ut.split_once('-') {
                    Some((p, _)) => {
                        let r = (String::new(), location.clone(), p.to_string());
                        if !named.contains(&r) {
                            named.push(r);
                        }
                        format!("{UNKNOWN}{location}")
                    }
                    None => continue,
                },
            };
            let rest = match (&prefix, ut.split_once('-')) {
                (None, Some((_, r))) => r.to_string(),
                _ => rest,
            };
            for name in rate_of(&rest, 0) {
                if seen.insert((region.clone(), name.clone())) {
                    rates.push(Found {
                        region: region.clone(),
                        name,
                        usd,
                        usage_type: rest.clone(),
                    });
                }
            }
        }
    }
    Ok(FileRates {
        source: format!("aws-{service}-pricing-data"),
        title: format!(
            "AWS {} pricing page data file (meteredUnitMaps/{service}/USD/current/{service}.json)",
            service.to_uppercase()
        ),
        url: format!("https://aws.amazon.com/{service}/pricing/"),
        date: date_of(date),
        rates,
        regions: named,
        as_of: true,
    })
}

/// AWS's location names in the EC2 and EBS pricing pages' data files → Region codes of
/// the book (those files name no usage types, so no prefix says the Region).
pub const EC2_LOCATIONS: [(&str, &str); 12] = [
    ("US East (N. Virginia)", "us-east-1"),
    ("US East (Ohio)", "us-east-2"),
    ("US West (Oregon)", "us-west-2"),
    ("EU (Ireland)", "eu-west-1"),
    ("EU (Frankfurt)", "eu-central-1"),
    ("EU (London)", "eu-west-2"),
    ("Asia Pacific (Singapore)", "ap-southeast-1"),
    ("Asia Pacific (Tokyo)", "ap-northeast-1"),
    ("Asia Pacific (Mumbai)", "ap-south-1"),
    ("South America (Sao Paulo)", "sa-east-1"),
    ("Asia Pacific (Sydney)", "ap-southeast-2"),
    ("Canada (Central)", "ca-central-1"),
];

/// gp3's rows in the EBS file → the book's rate, and the divisor to the book's unit
/// (throughput is priced per GiBps-month in the file, per MiB/s-month in the book).
const EBS_ROWS: [(&str, &str, f64); 3] = [
    (
        "Storage General Purpose gp3 GB Mo",
        "kafka_ec2.gp3_gb_month",
        1.0,
    ),
    (
        "Provisioned EBS IOPS gp3 Volumes per IOPS Mo",
        "kafka_ec2.gp3_iops_month",
        1.0,
    ),
    (
        "Provisioned Throughput gp3 per GiBps mo",
        "kafka_ec2.gp3_throughput_mib_per_s_month",
        1024.0,
    ),
];

/// The EC2 pricing page's data files: on-demand Linux instance-hours
/// (`ec2-ondemand-without-sec-sel`, one file per Region) and the EBS file (`ebs`, every
/// Region). Instance types are those self-managed Kafka prices in any Region of the book.
fn read_ec2_page(
    v: &Value,
    regions: &serde_json::Map<String, Value>,
    date: &str,
    book: &PriceBook,
) -> Result<FileRates, String> {
    let kind = v
        .pointer("/manifest/source")
        .and_then(Value::as_str)
        .unwrap_or("");
    let types: BTreeSet<&str> = book
        .regions
        .values()
        .filter_map(|r| r.kafka_ec2.as_ref())
        .flat_map(|k| k.instance_hour.keys())
        .collect();
    let mut rates = Vec::new();
    for (location, rows) in regions {
        // (The book's own name, "Europe (Ireland)", as AWS's pages write it today; or
        // the older "EU (Ireland)" of earlier files.)
        let Some(code) = book
            .regions
            .iter()
            .find(|(_, r)| *r.name == **location)
            .map(|(c, _)| c.to_string())
            .or_else(|| {
                EC2_LOCATIONS
                    .iter()
                    .find(|(l, _)| l == location)
                    .map(|(_, c)| c.to_string())
            })
        else {
            continue;
        };
        let Some(rows) = rows.as_object() else {
            return Err("a region's rates are not a table".into());
        };
        let mut push = |name: String, usd: f64| {
            rates.push(Found {
                region: code.clone(),
                name,
                usd,
                usage_type: String::new(),
            })
        };
        match kind {
            "ebs" => {
                for (row, name, per) in EBS_ROWS {
                    if let Some(usd) = rows.get(row).and_then(|e| e.get("price")).and_then(price) {
                        // (Rounded to 10 decimals, as the file writes prices.)
                        let usd: f64 = format!("{:.10}", usd / per).parse().unwrap_or(usd / per);
                        push(name.to_string(), usd);
                    }
                }
            }
            _ => {
                for e in rows.values() {
                    let field = |k: &str| e.get(k).and_then(Value::as_str).unwrap_or("");
                    let t = field("Instance Type");
                    if field("Operating System") == "Linux"
                        && field("Pre Installed S/W") == "NA"
                        && types.contains(t)
                    {
                        let Some(usd) = e.get("price").and_then(price) else {
                            return Err(format!("{t}: price is not a number"));
                        };
                        push(format!("kafka_ec2.instance_hour.{t}"), usd);
                    }
                }
            }
        }
    }
    let (source, title, url) = if kind == "ebs" {
        (
            "aws-ebs-pricing-data",
            "AWS EBS pricing page data file (pricing/2.0/meteredUnitMaps/ec2/USD/current/ebs.json)",
            "https://aws.amazon.com/ebs/pricing/",
        )
    } else {
        (
            "aws-ec2-pricing-data",
            "AWS EC2 On-Demand pricing page data files (ec2-ondemand-without-sec-sel/<location>/Linux/index.json)",
            "https://aws.amazon.com/ec2/pricing/on-demand/",
        )
    };
    Ok(FileRates {
        source: source.to_string(),
        title: title.to_string(),
        url: url.to_string(),
        date: date_of(date),
        rates,
        regions: Vec::new(),
        as_of: kind != "ebs",
    })
}

/// A Region known only by its AWS location name (`?EU (Stockholm)`).
const UNKNOWN: &str = "?";

/// The book's usage-type prefixes → Region codes.
fn prefixes(book: &PriceBook) -> BTreeMap<String, String> {
    book.regions
        .iter()
        .filter_map(|(code, r)| Some((r.usage_type_prefix.as_ref()?.to_string(), code.to_string())))
        .collect()
}

/// Reads an AWS Price List file: a bulk offer file (`products`, `terms`) or the Price
/// List API's `GetProducts` output (`PriceList`, items as JSON text or objects).
pub fn read_price_list(text: &str) -> Result<FileRates, String> {
    let v: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let mut items: Vec<(Value, Value)> = Vec::new(); // (product, on-demand terms of it)
    let mut date = v
        .get("publicationDate")
        .and_then(Value::as_str)
        .map(date_of);
    let mut service = v
        .get("offerCode")
        .and_then(Value::as_str)
        .map(str::to_string);
    if let Some(list) = v.get("PriceList").and_then(Value::as_array) {
        for item in list {
            let item = match item {
                Value::String(s) => serde_json::from_str::<Value>(s)
                    .map_err(|e| format!("a PriceList item is not JSON: {e}"))?,
                other => other.clone(),
            };
            let product = item
                .get("product")
                .cloned()
                .ok_or("a PriceList item has no product")?;
            let terms = item
                .pointer("/terms/OnDemand")
                .cloned()
                .unwrap_or(Value::Null);
            if date.is_none() {
                date = item
                    .get("publicationDate")
                    .and_then(Value::as_str)
                    .map(date_of);
            }
            if service.is_none() {
                service = item
                    .get("serviceCode")
                    .and_then(Value::as_str)
                    .map(str::to_string);
            }
            items.push((product, terms));
        }
    } else if let (Some(products), Some(terms)) = (
        v.get("products").and_then(Value::as_object),
        v.pointer("/terms/OnDemand").and_then(Value::as_object),
    ) {
        for (sku, product) in products {
            items.push((
                product.clone(),
                terms.get(sku).cloned().unwrap_or(Value::Null),
            ));
        }
    } else {
        return Err("neither a Price List bulk offer file (products, terms) nor GetProducts output (PriceList)".into());
    }
    let date = date.ok_or("no publicationDate")?;
    let service = service.unwrap_or_default();
    let mut rates = Vec::new();
    let mut regions: Vec<(String, String, String)> = Vec::new();
    let mut seen = BTreeSet::new();
    for (product, terms) in items {
        let attrs = product.get("attributes").cloned().unwrap_or(Value::Null);
        if let (Some(code), Some(location), Some(ut)) = (
            attrs.get("regionCode").and_then(Value::as_str),
            attrs.get("location").and_then(Value::as_str),
            attrs.get("usagetype").and_then(Value::as_str),
        ) {
            // (us-east-1's usage types often have no prefix.)
            let prefix = ut
                .split_once('-')
                .map(|(p, _)| p)
                .filter(|p| {
                    p.chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                })
                .unwrap_or("");
            let r = (code.to_string(), location.to_string(), prefix.to_string());
            if !regions.contains(&r) {
                regions.push(r);
            }
        }
        let (Some(ut), Some(region)) = (
            attrs.get("usagetype").and_then(Value::as_str),
            attrs.get("regionCode").and_then(Value::as_str),
        ) else {
            continue;
        };
        let rest = match ut.split_once('-') {
            Some((p, r))
                if p.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) =>
            {
                r
            }
            _ => ut,
        };
        let Some(terms) = terms.as_object() else {
            continue;
        };
        for term in terms.values() {
            let Some(dims) = term.get("priceDimensions").and_then(Value::as_object) else {
                continue;
            };
            for d in dims.values() {
                let begin: u64 = d
                    .get("beginRange")
                    .and_then(Value::as_str)
                    .and_then(|b| b.parse::<f64>().ok())
                    .map_or(0, |b| b as u64);
                let Some(mut usd) = d.pointer("/pricePerUnit/USD").and_then(price) else {
                    return Err(format!("{ut}: pricePerUnit.USD is not a number"));
                };
                for name in rate_of(rest, begin) {
                    // PUT payload units are listed per unit; the book prices a million.
                    if name.ends_with("_million") && usd < 1e-4 {
                        usd *= 1e6;
                    }
                    if seen.insert((region.to_string(), name.clone())) {
                        rates.push(Found {
                            region: region.to_string(),
                            name,
                            usd,
                            usage_type: rest.to_string(),
                        });
                    }
                }
            }
        }
    }
    let lower = service.to_ascii_lowercase();
    Ok(FileRates {
        source: format!("aws-price-list-{lower}"),
        title: format!("AWS Price List for {service} (offers/v1.0/aws/{service}/current/<region>/index.json, or the Price List API's GetProducts)"),
        url: "https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/price-changes.html".to_string(),
        date,
        rates,
        regions,
        as_of: true,
    })
}

/// What a refresh did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    /// The new text of `data/prices.toml`.
    pub text: String,
    /// `region rate: old → new` (value or source).
    pub changed: Vec<String>,
    /// `region rate: value` added.
    pub added: Vec<String>,
    /// Rates of the book no file gave (kept as they are), by Region.
    pub missing: Vec<String>,
    /// Rates for Regions the book does not list (not added).
    pub other_regions: Vec<String>,
}

impl Outcome {
    /// The report the command prints (and the scheduled job puts in its pull request).
    pub fn report(&self) -> String {
        let mut out = String::new();
        let mut list = |title: &str, items: &[String]| {
            let _ = writeln!(out, "{title} ({}):", items.len());
            for i in items {
                let _ = writeln!(out, "  {i}");
            }
        };
        list("Changed", &self.changed);
        list("Added", &self.added);
        list(
            "Not in the files read (kept as they are, with their sources)",
            &self.missing,
        );
        let mut per_region: BTreeMap<&str, usize> = BTreeMap::new();
        for o in &self.other_regions {
            *per_region
                .entry(o.split(" rate ").next().unwrap_or(o))
                .or_default() += 1;
        }
        let other: Vec<String> = per_region
            .iter()
            .map(|(r, n)| format!("{r}: {n} rates"))
            .collect();
        list(
            "In the files but not in the price book's Regions (not added; a Region is added with both services' rates)",
            &other,
        );
        out
    }
}

fn fmt_usd(x: f64) -> String {
    crate::model::fixed::shortest(x)
}

/// Option ids a section prices (a region's `not_priced` entry goes when it is priced).
fn option_of(section: &str) -> Option<&'static str> {
    match section {
        "kinesis_on_demand" => Some("kinesis-on-demand"),
        "kinesis_on_demand_advantage" => Some("kinesis-on-demand-advantage"),
        "kinesis_provisioned" => Some("kinesis-provisioned"),
        _ => None,
    }
}

/// A table header's Region and table (`[regions.eu-west-1.msk_standard.broker_hour]` →
/// `("eu-west-1", "msk_standard.broker_hour")`; `[regions.eu-west-1]` → `("eu-west-1", "")`).
fn header(line: &str) -> Option<(String, String)> {
    let inner = line.trim().strip_prefix("[regions.")?.strip_suffix(']')?;
    let (region, table) = inner.split_once('.').unwrap_or((inner, ""));
    Some((region.to_string(), table.to_string()))
}

/// A rate line: key (unquoted), its value and source.
fn rate_line(line: &str) -> Option<(String, f64, String)> {
    let (key, rest) = line.split_once('=')?;
    let key = key.trim().trim_matches('"').to_string();
    let rest = rest.trim().strip_prefix('{')?;
    let usd = rest.trim().strip_prefix("usd")?.trim().strip_prefix('=')?;
    let (usd, rest) = usd.split_once(',')?;
    let usd: f64 = usd.trim().parse().ok()?;
    let src = rest
        .trim()
        .strip_prefix("source")?
        .trim()
        .strip_prefix('=')?
        .trim();
    let src = src.strip_prefix('"')?;
    let (src, _) = src.split_once('"')?;
    Some((key, usd, src.to_string()))
}

/// The table of the price book a rate's line goes in, and its key there
/// (`msk_standard.broker_hour.kafka.m5.large` → `msk_standard.broker_hour`,
/// `kafka.m5.large`).
fn table_and_key(name: &str) -> (String, String) {
    match name
        .split_once(".broker_hour.")
        .map(|(s, b)| (s, "broker_hour", b))
        .or_else(|| {
            name.split_once(".instance_hour.")
                .map(|(s, b)| (s, "instance_hour", b))
        }) {
        Some((s, table, b)) => (format!("{s}.{table}"), b.to_string()),
        None => {
            let (s, k) = name.split_once('.').unwrap_or((name, ""));
            (s.to_string(), k.to_string())
        }
    }
}

fn quoted_key(key: &str) -> String {
    if key.contains('.') {
        format!("\"{key}\"")
    } else {
        key.to_string()
    }
}

fn new_line(key: &str, f: &Found, source: &str) -> String {
    // (The EC2 and EBS files name no usage types.)
    let usage_type = if f.usage_type.is_empty() {
        String::new()
    } else {
        format!(", usage_type = \"{}\"", f.usage_type)
    };
    format!(
        "{} = {{ usd = {}, source = \"{source}\"{usage_type} }}",
        quoted_key(key),
        fmt_usd(f.usd),
    )
}

/// Rewrites the price book's text with the rates of `files`. Errors (a book that does
/// not parse, before or after) leave nothing written: the caller writes `text` only on
/// success.
pub fn refresh(book_text: &str, files: &[FileRates]) -> Result<Outcome, String> {
    let book = PriceBook::parse(book_text).map_err(|e| format!("data/prices.toml: {e}"))?;
    // (region, name) → (rate, source key); a later file wins.
    let mut found: BTreeMap<(String, String), (&Found, &str)> = BTreeMap::new();
    let mut out = Outcome::default();
    // Regions the files name, by AWS location name: code (Price List files) and
    // usage-type prefix.
    let code_of: BTreeMap<&str, &str> = files
        .iter()
        .flat_map(|f| &f.regions)
        .filter(|(c, _, _)| !c.is_empty())
        .map(|(c, l, _)| (l.as_str(), c.as_str()))
        .collect();
    let prefix_of = |code: &str| {
        files
            .iter()
            .flat_map(|f| &f.regions)
            .find(|(c, l, p)| {
                !p.is_empty() && (c == code || code_of.get(l.as_str()) == Some(&code))
            })
            .map(|(_, l, p)| (l.clone(), p.clone()))
    };
    // Rates of Regions the book does not list, by code.
    let mut new_regions: BTreeMap<String, Vec<(&Found, &str)>> = BTreeMap::new();
    for f in files {
        for r in &f.rates {
            let code = match r.region.strip_prefix(UNKNOWN) {
                Some(location) => match code_of.get(location) {
                    Some(c) => c.to_string(),
                    None => {
                        out.other_regions
                            .push(format!("{location} rate {}", r.name));
                        continue;
                    }
                },
                None => r.region.clone(),
            };
            if book.regions.contains_key(&code) {
                found.insert((code, r.name.clone()), (r, &f.source));
            } else {
                new_regions.entry(code).or_default().push((r, &f.source));
            }
        }
    }
    let mut used: BTreeSet<(String, String)> = BTreeSet::new();
    let lines: Vec<&str> = book_text.lines().collect();
    let mut new_lines: Vec<String> = Vec::with_capacity(lines.len());
    // (region, table) → index in new_lines after its last line; region → after its last.
    let mut table_end: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut region_end: BTreeMap<String, usize> = BTreeMap::new();
    let mut current: Option<(String, String)> = None;
    for line in &lines {
        if line.trim_start().starts_with('[') {
            current = header(line);
        }
        let mut text = line.to_string();
        if let (Some((region, table)), Some((key, old, old_src))) = (&current, rate_line(line)) {
            let name = format!("{table}.{key}");
            if let Some((f, src)) = found.get(&(region.clone(), name.clone())) {
                used.insert((region.clone(), name.clone()));
                if f.usd != old || *src != old_src {
                    let quoted = |field: &str| {
                        let (_, v) = line.split_once(&format!("{field} = \""))?;
                        v.split_once('"').map(|(v, _)| v.to_string())
                    };
                    let mut rest = String::new();
                    // A changed source drops the old source's uncertainty note.
                    if let Some(u) = quoted("uncertain").filter(|_| *src == old_src) {
                        rest.push_str(&format!(", uncertain = \"{u}\""));
                    }
                    if let Some(u) = quoted("usage_type") {
                        rest.push_str(&format!(", usage_type = \"{u}\""));
                    }
                    let indent = &line[..line.len() - line.trim_start().len()];
                    text = format!(
                        "{indent}{} = {{ usd = {}, source = \"{src}\"{rest} }}",
                        quoted_key(&key),
                        fmt_usd(f.usd)
                    );
                    out.changed.push(format!(
                        "{region} {name}: {} ({old_src}) → {} ({src})",
                        fmt_usd(old),
                        fmt_usd(f.usd)
                    ));
                }
            }
        }
        new_lines.push(text);
        if let Some((region, table)) = &current {
            if !line.trim().is_empty() {
                table_end.insert((region.clone(), table.clone()), new_lines.len());
                region_end.insert(region.clone(), new_lines.len());
            }
        }
    }
    // Rates the book lacks: into their table, or a new table at the end of the Region.
    let mut inserts: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let mut new_tables: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for ((region, name), (f, src)) in &found {
        if used.contains(&(region.clone(), name.clone())) {
            continue;
        }
        let (table, key) = table_and_key(name);
        let line = new_line(&key, f, src);
        out.added
            .push(format!("{region} {name} = {} ({src})", fmt_usd(f.usd)));
        match table_end.get(&(region.clone(), table.clone())) {
            Some(&at) => inserts.entry(at).or_default().push(line),
            None => new_tables
                .entry((region.clone(), table))
                .or_default()
                .push(line),
        }
    }
    for ((region, table), rates) in new_tables {
        let at = region_end.get(&region).copied().unwrap_or(new_lines.len());
        let block = inserts.entry(at).or_default();
        block.push(String::new());
        block.push(format!("[regions.{region}.{table}]"));
        block.extend(rates);
        // The option is priced here now: its "not priced" reason goes.
        if let Some(id) = option_of(&table) {
            let mut t: Option<(String, String)> = None;
            for l in new_lines.iter_mut() {
                if l.trim_start().starts_with('[') {
                    t = header(l);
                }
                if t.as_ref() == Some(&(region.clone(), "not_priced".to_string()))
                    && l.trim_start().starts_with(&format!("\"{id}\""))
                {
                    *l = format!("# (priced from AWS's files since the refresh) {l}");
                }
            }
        }
    }
    let mut text = String::with_capacity(book_text.len() + 1024);
    // Each line, after what is inserted before it (and what goes after the last).
    for i in 0..=new_lines.len() {
        for l in inserts
            .get(&i)
            .into_iter()
            .flatten()
            .chain(new_lines.get(i))
        {
            text.push_str(l);
            text.push('\n');
        }
    }
    // A Region both services' files cover is added whole; others are reported.
    for (code, rates) in &new_regions {
        let both = rates.iter().any(|(r, _)| r.name.starts_with("kinesis"))
            && rates.iter().any(|(r, _)| r.name.starts_with("msk"));
        let (true, Some((location, prefix))) = (both, prefix_of(code)) else {
            for (r, _) in rates {
                out.other_regions.push(format!("{code} rate {}", r.name));
            }
            continue;
        };
        let _ = write!(
            text,
            "\n# ---------------------------------------------------------------------------\n[regions.{code}]\nname = \"{location}\"\n# AWS usage types of this Region start with this prefix (AWS's price files).\nusage_type_prefix = \"{prefix}\"\n"
        );
        let mut tables: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (r, src) in rates {
            let (table, key) = table_and_key(&r.name);
            tables
                .entry(table)
                .or_default()
                .push(new_line(&key, r, src));
            out.added
                .push(format!("{code} {} = {} ({src})", r.name, fmt_usd(r.usd)));
        }
        for (table, lines) in tables {
            let _ = write!(text, "\n[regions.{code}.{table}]\n");
            for l in lines {
                text.push_str(&l);
                text.push('\n');
            }
        }
        out.added.push(format!("region {code} ({location})"));
    }
    // Sources: each file's entry gets its date (added when new); "prices as of" is the
    // oldest publication date of the files read.
    text = sources(&text, &book, files, &mut out)?;
    // What no file gave, per Region and section (a whole section in one word).
    for (code, r) in &book.regions {
        let mut parts: Vec<String> = Vec::new();
        let rates = r.rates();
        for &(section, keys) in SECTIONS {
            let has = |name: &str| found.contains_key(&(code.to_string(), name.to_string()));
            let in_book: Vec<&String> = rates
                .iter()
                .map(|(n, _)| n)
                .filter(|n| {
                    n.starts_with(section) && n.as_bytes().get(section.len()) == Some(&b'.')
                })
                .collect();
            let kept: Vec<&String> = in_book.iter().copied().filter(|n| !has(n)).collect();
            let absent = keys
                .iter()
                .filter(|k| !in_book.iter().any(|n| **n == format!("{section}.{k}")))
                .filter(|k| !has(&format!("{section}.{k}")))
                .count();
            if !kept.is_empty() {
                parts.push(if kept.len() == in_book.len() {
                    format!("{section} (all {} kept)", kept.len())
                } else {
                    format!(
                        "{} kept",
                        kept.iter()
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                });
            }
            if absent > 0 {
                parts.push(format!(
                    "{section}: {absent} not given (a user supplies them)"
                ));
            }
        }
        if !parts.is_empty() {
            out.missing.push(format!("{code}: {}", parts.join("; ")));
        }
    }
    PriceBook::parse(&text).map_err(|e| format!("the refreshed price book does not parse: {e}"))?;
    out.text = text;
    Ok(out)
}

/// Updates or adds each file's `[sources.<key>]` entry and the book's `as_of`.
fn sources(
    text: &str,
    book: &PriceBook,
    files: &[FileRates],
    out: &mut Outcome,
) -> Result<String, String> {
    let mut text = text.to_string();
    let mut dates: Vec<&str> = Vec::new();
    for f in files {
        if f.as_of {
            dates.push(&f.date);
        }
        let head = format!("[sources.{}]", f.source);
        match book.sources.get(&f.source) {
            Some(s) if *s.date == *f.date => {}
            Some(s) => {
                let at = text.find(&head).ok_or("source entry not found")?;
                let old = format!("date = \"{}\"", s.date);
                let rel = text[at..].find(&old).ok_or("source date not found")?;
                text.replace_range(
                    at + rel..at + rel + old.len(),
                    &format!("date = \"{}\"", f.date),
                );
                out.changed
                    .push(format!("source {}: date {} → {}", f.source, s.date, f.date));
            }
            None => {
                let entry = format!(
                    "{head}\ntitle = \"{}\"\nurl = \"{}\"\ndate = \"{}\"\ngrade = \"A\"\nnote = \"Read by the price refresh (cargo run --bin refresh-prices); date is the file's publication date.\"\n\n",
                    f.title, f.url, f.date
                );
                let at = text.find("\n# ----").map_or(text.len(), |i| i + 1);
                text.insert_str(at, &entry);
                out.added.push(format!("source {} ({})", f.source, f.date));
            }
        }
    }
    if let Some(oldest) = dates.iter().min() {
        if **oldest != *book.as_of {
            let old = format!("as_of = \"{}\"", book.as_of);
            text = text.replacen(&old, &format!("as_of = \"{oldest}\""), 1);
            out.changed
                .push(format!("as_of: {} → {oldest}", book.as_of));
        }
    }
    Ok(text)
}

/// Reference links whose estimates a price update's pull request shows before and after
/// (the README's examples: a small and a large Kinesis-sized workload, an EU cluster, a
/// DR pair, MSK with tiered storage).
pub const REFERENCE_LINKS: [&str; 5] = [
    "v=3&rps=5120&size=2&consumers=3&retention=7d",
    "v=3&rps=30720&consumers=4&retention=3d",
    "v=3&region=eu-west-1&rps=40960&consumers=6&retention=3d",
    "v=3&region=eu-west-1&dr=eu-central-1&rps=5120&consumers=2&retention=7d",
    "v=3&rps=102400&consumers=3&retention=30d&tiered=1d",
];

/// The service a rate of the price book belongs to (`kinesis_provisioned.shard_hour` →
/// Kinesis Data Streams), as a maintainer reads AWS's pages.
fn service_of(name: &str) -> &'static str {
    let section = name.split('.').next().unwrap_or(name);
    match section {
        s if s.starts_with("kinesis") => "Kinesis Data Streams",
        "msk_connect" => "MSK Connect",
        "msk_replicator" => "MSK Replicator",
        s if s.starts_with("msk") => "Amazon MSK",
        "data_transfer" => "Data transfer",
        "network" => "VPC (PrivateLink, NAT gateway)",
        "kafka_ec2" => "EC2 and EBS (self-managed Kafka)",
        _ => "Other",
    }
}

/// A rate's relative change, for ordering (a rate that was 0 and is not counts as the
/// largest).
fn relative(old: f64, new: f64) -> f64 {
    if old == 0.0 {
        if new == 0.0 {
            0.0
        } else {
            f64::INFINITY
        }
    } else {
        (new - old) / old
    }
}

fn percent(old: f64, new: f64) -> String {
    let r = relative(old, new);
    if r.is_infinite() {
        "new".to_string()
    } else {
        format!(
            "{}{} %",
            if r >= 0.0 { "+" } else { "−" },
            crate::model::fixed::fixed(r.abs() * 100.0, 1)
        )
    }
}

/// A rate that changed: its name in the Region (`msk_standard.storage_gb_month`), old and
/// new USD.
type RateChange = (String, f64, f64);

/// The pull request's body for a price update (Markdown): the rates that changed, grouped
/// by Region and service with the largest relative change first; the rates added and
/// removed; and how each reference link's monthly totals change. `old` and `new` are the
/// catalog before and after the refresh; `report` is [`Outcome::report`]; `notes` are
/// lines the job adds (files AWS did not serve, files read by no section yet).
pub fn pull_request_body(
    old: &crate::model::Catalog,
    new: &crate::model::Catalog,
    report: &str,
    notes: &[String],
) -> String {
    let usd = |c: &crate::model::Catalog| -> BTreeMap<String, f64> {
        c.prices
            .all_rates()
            .into_iter()
            .map(|(n, r)| (n, r.usd))
            .collect()
    };
    let (before, after) = (usd(old), usd(new));
    // (region, service) → [(rate, old, new)]
    let mut groups: BTreeMap<(String, &str), Vec<RateChange>> = BTreeMap::new();
    let mut added = Vec::new();
    let mut removed = Vec::new();
    for (name, &new_usd) in &after {
        let (region, rate) = name.split_once('.').unwrap_or((name, ""));
        match before.get(name) {
            Some(&old_usd) if old_usd != new_usd => groups
                .entry((region.to_string(), service_of(rate)))
                .or_default()
                .push((rate.to_string(), old_usd, new_usd)),
            Some(_) => {}
            None => added.push(format!("{region} {rate} = ${}", fmt_usd(new_usd))),
        }
    }
    for (name, &old_usd) in &before {
        if !after.contains_key(name) {
            removed.push(format!("{name} (was ${})", fmt_usd(old_usd)));
        }
    }
    let largest = |rates: &[RateChange]| {
        rates
            .iter()
            .map(|(_, o, n)| relative(*o, *n).abs())
            .fold(0.0, f64::max)
    };
    let mut ordered: Vec<((String, &str), Vec<RateChange>)> = groups.into_iter().collect();
    for (_, rates) in ordered.iter_mut() {
        rates.sort_by(|a, b| {
            relative(b.1, b.2)
                .abs()
                .total_cmp(&relative(a.1, a.2).abs())
                .then(a.0.cmp(&b.0))
        });
    }
    ordered.sort_by(|a, b| largest(&b.1).total_cmp(&largest(&a.1)).then(a.0.cmp(&b.0)));
    let changed: usize = ordered.iter().map(|(_, r)| r.len()).sum();

    let mut out = String::new();
    let _ = writeln!(
        out,
        "**{changed} rate{} changed, {} added, {} removed** (price book as of {} → {}).\n",
        if changed == 1 { "" } else { "s" },
        added.len(),
        removed.len(),
        old.prices.as_of,
        new.prices.as_of
    );
    if !ordered.is_empty() {
        let _ = writeln!(
            out,
            "## Changed rates, by Region and service (largest relative change first)\n"
        );
        for ((region, service), rates) in &ordered {
            let _ = writeln!(out, "### {region} · {service}\n");
            let _ = writeln!(out, "| rate | was | now | change |\n|---|---:|---:|---:|");
            for (rate, o, n) in rates {
                let _ = writeln!(
                    out,
                    "| `{rate}` | ${} | ${} | {} |",
                    fmt_usd(*o),
                    fmt_usd(*n),
                    percent(*o, *n)
                );
            }
            out.push('\n');
        }
    }
    let mut list = |title: &str, items: &[String]| {
        if !items.is_empty() {
            let _ = writeln!(out, "## {title} ({})\n", items.len());
            for i in items {
                let _ = writeln!(out, "- {i}");
            }
            out.push('\n');
        }
    };
    list("Added rates", &added);
    list("Removed rates", &removed);
    list("Notes from the job", notes);

    // Reference links: each option's monthly total before and after.
    let _ = writeln!(
        out,
        "## Reference links: monthly totals that change\n\n| link | option | before | after | change |\n|---|---|---:|---:|---:|"
    );
    let mut any = false;
    for query in REFERENCE_LINKS {
        let was = crate::model::estimate(&crate::model::decode(query, old).workload, old);
        let now = crate::model::estimate(&crate::model::decode(query, new).workload, new);
        for o in &now.options {
            let Some(p) = was.options.iter().find(|p| p.id == o.id) else {
                continue;
            };
            let shown = |e: &crate::model::OptionEstimate| match e.status {
                crate::model::Status::NotPriced => "not priced".to_string(),
                _ => crate::model::units::format_usd_cents(e.total_cents),
            };
            if p.total_cents != o.total_cents || p.status != o.status {
                any = true;
                let change = if p.total_cents != 0 && p.status == o.status {
                    percent(p.total_cents as f64, o.total_cents as f64)
                } else {
                    String::new()
                };
                let _ = writeln!(
                    out,
                    "| `?{query}` | {} | {} | {} | {change} |",
                    o.id.name(),
                    shown(p),
                    shown(o)
                );
            }
        }
    }
    if !any {
        let _ = writeln!(
            out,
            "| (none of the {} reference links changes) | | | | |",
            REFERENCE_LINKS.len()
        );
    }
    let _ = writeln!(
        out,
        "\n<details><summary>refresh-prices' full report</summary>\n\n```\n{}```\n</details>",
        report
    );
    out
}
