//! Fit and recommendation: from the ticked requirements and the cost engine's
//! estimate, rank the options (must-haves met, then monthly cost, then operational
//! load) and say why, in sentences a reader can paste into a design doc.

use super::estimate::{Estimate, OptionId, Status};
use super::matrix::{Matrix, Verdict};
use super::units::format_usd_cents;
use crate::model::sorted::VecSet;

/// How one option meets the ticked requirements.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionFit {
    pub id: OptionId,
    /// (requirement id, label, reason) the option does not meet.
    pub unmet: Vec<(String, String, String)>,
    /// … meets only partly.
    pub partial: Vec<(String, String, String)>,
    /// … meets.
    pub met: Vec<String>,
}

/// Each option's fit to the ticked requirements (unknown ids are ignored; the link
/// decoder has already reported them).
pub fn fit(needs: &VecSet<String>, matrix: &Matrix) -> Vec<OptionFit> {
    OptionId::ALL
        .into_iter()
        .map(|id| {
            let mut f = OptionFit {
                id,
                unmet: Vec::new(),
                partial: Vec::new(),
                met: Vec::new(),
            };
            for req in needs.iter().filter_map(|n| matrix.requirement(n)) {
                let entry = req.fit.get(id.id());
                let (verdict, reason) =
                    entry.map_or((Verdict::No, "no data"), |e| (e.verdict, &*e.reason));
                let item = (
                    req.id.to_string(),
                    req.label.to_string(),
                    reason.to_string(),
                );
                match verdict {
                    Verdict::Yes | Verdict::Info => f.met.push(req.id.to_string()),
                    Verdict::Partial => f.partial.push(item),
                    Verdict::No => f.unmet.push(item),
                }
            }
            f
        })
        .collect()
}

/// One option's place in the ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    pub id: OptionId,
    /// Why the option is ruled out (unmet requirements, limits, no prices); empty if not.
    pub ruled_out_by: Vec<String>,
    /// Requirements met only partly (labels).
    pub partly: Vec<String>,
    pub monthly_cents: Option<i64>,
    pub operational_load: u8,
    /// The monthly cost plus what the user would pay to avoid its operational load
    /// (`ops=` × levels above the least), what the ranking compares.
    pub weighed_cents: Option<i64>,
}

impl Ranked {
    pub fn ruled_out(&self) -> bool {
        !self.ruled_out_by.is_empty()
    }
}

/// The ranking and its explanation.
#[derive(Clone, Debug, PartialEq)]
pub struct Recommendation {
    /// Best first.
    pub ranking: Vec<Ranked>,
    /// One or two sentences on the top choice.
    pub summary: String,
    /// For each other option, one line on why it is not the top choice.
    pub others: Vec<(OptionId, String)>,
    /// Options not priced here, so not ranked on their price ([`Estimate::caveat`]).
    pub caveat: Option<String>,
}

impl Recommendation {
    pub fn top(&self) -> Option<&Ranked> {
        self.ranking.first().filter(|r| !r.ruled_out())
    }
}

/// Ranks the options for the estimate and the ticked requirements.
pub fn recommend(estimate: &Estimate, needs: &VecSet<String>, matrix: &Matrix) -> Recommendation {
    let fits = fit(needs, matrix);
    let mut ranking: Vec<Ranked> = estimate
        .options
        .iter()
        .map(|o| {
            let f = fits.iter().find(|f| f.id == o.id);
            let mut ruled_out_by: Vec<String> = f
                .map(|f| {
                    f.unmet
                        .iter()
                        .map(|(_, label, reason)| {
                            format!("{label}: {}", reason.trim_end_matches('.'))
                        })
                        .collect()
                })
                .unwrap_or_default();
            match o.status {
                Status::Priced => {}
                Status::NotEligible => ruled_out_by.extend(
                    o.reasons
                        .iter()
                        .map(|r| r.trim_end_matches('.').to_string()),
                ),
                Status::NotPriced => {
                    ruled_out_by.push(format!("not priced in {}", estimate.region))
                }
            }
            Ranked {
                id: o.id,
                ruled_out_by,
                partly: f
                    .map(|f| f.partial.iter().map(|(_, l, _)| l.clone()).collect())
                    .unwrap_or_default(),
                // (Not eligible with nothing priced: no figure, as not priced.)
                monthly_cents: (o.status != Status::NotPriced
                    && !(o.status == Status::NotEligible && o.lines.is_empty()))
                .then_some(o.total_cents),
                operational_load: matrix
                    .operational_load
                    .get(o.id.id())
                    .map_or(3, |l| l.level),
                weighed_cents: None,
            }
        })
        .collect();
    let ops_cents = (estimate.ops_usd * 100.0).round() as i64;
    for r in &mut ranking {
        let levels = i64::from(r.operational_load.saturating_sub(1));
        r.weighed_cents = r
            .monthly_cents
            .map(|c| c.saturating_add(ops_cents.saturating_mul(levels)));
    }
    super::sort::sort_by_key(&mut ranking, |r| {
        (
            r.ruled_out(),
            r.partly.len(),
            r.weighed_cents.unwrap_or(i64::MAX),
            r.operational_load,
            r.id,
        )
    });
    let summary = summarise(estimate, needs, &ranking);
    let others = ranking
        .iter()
        .skip(1)
        .map(|r| (r.id, why_not(r, ranking.first())))
        .collect();
    Recommendation {
        ranking,
        summary,
        others,
        caveat: estimate.caveat(),
    }
}

fn money(cents: Option<i64>) -> String {
    cents.map_or_else(|| "unpriced".to_string(), format_usd_cents)
}

fn summarise(estimate: &Estimate, needs: &VecSet<String>, ranking: &[Ranked]) -> String {
    let Some(top) = ranking.first().filter(|r| !r.ruled_out()) else {
        return "No option meets every requirement for this workload: see what rules each one out below.".to_string();
    };
    let d = &estimate.derived;
    let reqs = match needs.len() {
        0 => "it meets every requirement (none ticked)".to_string(),
        1 => "it meets the requirement".to_string(),
        n => format!("it meets all {n} requirements"),
    };
    let partly = if top.partly.is_empty() {
        String::new()
    } else {
        format!(" ({} only partly)", top.partly.join(", "))
    };
    let caveat = estimate.caveat();
    let of_priced = if caveat.is_some() {
        " of the options priced here"
    } else {
        ""
    };
    let mut s = format!(
        "For {} MB/s in and {} MB/s out at peak in {}, {} is the best fit{of_priced}: {reqs}{partly} at {}/month",
        crate::model::units::format_quantity(d.peak_write_mb_per_s, 2),
        crate::model::units::format_quantity(d.peak_read_mb_per_s, 2),
        estimate.region,
        top.id.name(),
        money(top.monthly_cents),
    );
    if let Some(c) = &caveat {
        s.push_str(&format!(" ({c})"));
    }
    let cheaper = ranking
        .iter()
        .filter(|r| r.ruled_out() && r.monthly_cents.is_some_and(|c| Some(c) < top.monthly_cents))
        .min_by_key(|r| r.monthly_cents);
    let runner_up = ranking.iter().skip(1).find(|r| !r.ruled_out());
    match runner_up {
        Some(r) => s.push_str(&format!(
            ", against {} for the next option that fits, {}.",
            money(r.monthly_cents),
            r.id.name()
        )),
        None => s.push_str(", and it is the only option that fits."),
    }
    if let Some(c) = cheaper {
        s.push_str(&format!(
            " {} would cost {} but is ruled out ({}).",
            c.id.name(),
            money(c.monthly_cents),
            c.ruled_out_by.first().cloned().unwrap_or_default()
        ));
    }
    // A small saving that buys more operational load.
    if let (Some(r), Some(t)) = (runner_up, top.monthly_cents) {
        if let Some(rc) = r.monthly_cents {
            if r.operational_load < top.operational_load && rc >= t {
                let weighed = if estimate.ops_usd > 0.0 {
                    format!(
                        " (weighing operations at {} a month per level, as set)",
                        format_usd_cents((estimate.ops_usd * 100.0).round() as i64)
                    )
                } else {
                    "; “Operations effort, valued at” weighs what running it is worth to you"
                        .to_string()
                };
                s.push_str(&format!(
                    " It saves {} a month over {}, which has less to operate{weighed}.",
                    format_usd_cents(rc - t),
                    r.id.name()
                ));
            }
        }
    }
    // Cross-Region replication asked for, one Region priced.
    if needs.contains("multi-region-replication") && !estimate.dr_pair {
        s.push_str(" Cross-Region replication is ticked but one Region is priced: choose a “Standby Region (DR pair)” to price each option as a pair.");
    }
    // Exactly-once within a Region does not extend to its standby: the copy is
    // asynchronous (MSK Replicator: "automatic asynchronous replication", MSK Developer
    // Guide; MirrorMaker 2 and Kinesis's replicator consume and produce again).
    if needs.contains("exactly-once") && estimate.dr_pair {
        s.push_str(" Exactly-once holds within the primary Region only: replication to the standby is asynchronous (MSK Replicator, MirrorMaker 2 or a Kinesis replicator), so a failover can lose the last records not yet copied, and consumers that move to the standby re-read or skip around their last committed position: expect duplicates or replays after failing over, and deduplicate by a key in each record.");
    }
    // A cheaper MSK Standard cluster that keeps fewer copies is not Kinesis's equal.
    if let Some(what) = &estimate.standard_durability {
        if top.id == OptionId::MskStandard {
            s.push_str(&format!(
                " Its {what} is less durable than Kinesis's managed replication across three AZs (see its card)."
            ));
        }
    }
    s
}

fn why_not(r: &Ranked, top: Option<&Ranked>) -> String {
    if r.ruled_out() {
        return format!("Ruled out: {}.", r.ruled_out_by.join("; "));
    }
    let mut parts = Vec::new();
    if !r.partly.is_empty() {
        let cheaper = match (top, r.monthly_cents) {
            (Some(top), Some(c)) if top.partly.len() < r.partly.len() => top
                .monthly_cents
                .filter(|&t| c < t)
                .map(|t| format!(", so it ranks below the top choice though it costs {} less per month (options that meet every requirement fully rank first)", format_usd_cents(t - c))),
            _ => None,
        };
        parts.push(format!(
            "meets {} only partly{}",
            r.partly.join(", "),
            cheaper.unwrap_or_default()
        ));
    }
    if let (Some(top), Some(c)) = (top, r.monthly_cents) {
        if let Some(t) = top.monthly_cents {
            if c > t {
                // (The ranking shows the option's own total beside this.)
                parts.push(format!(
                    "costs {} more per month than the top choice",
                    format_usd_cents(c - t)
                ));
            } else if r.operational_load > top.operational_load {
                parts.push("more to operate".to_string());
            }
        }
    }
    if parts.is_empty() {
        "Fits too; ranked lower on the tie-breakers.".to_string()
    } else {
        let mut s = parts.join("; ");
        // (ASCII only: the parts are this module's own English phrases)
        if let Some(first) = s.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        s + "."
    }
}
