//! Break-even sweeps for the charts: every option's monthly cost as one input varies
//! (write throughput, retention) with the rest of the workload fixed, and the points
//! where the cheapest eligible option changes.

use super::catalog::Catalog;
use super::estimate::{estimate_only, OptionId, Status};
use super::units::{format_quantity, KB_PER_MB};
use super::workload::{Tiered, Workload};

/// Points per break-even chart (the page and `showdown --crossovers` use the same).
pub const CHART_POINTS: usize = 48;

/// Which input a sweep varies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    /// Average write throughput, MB/s, from 0.1 to 1,024 (1 GB/s), log scale.
    Throughput,
    /// Retention, days, from 1 to 365, log scale.
    Retention,
}

impl Axis {
    pub fn id(self) -> &'static str {
        match self {
            Axis::Throughput => "throughput",
            Axis::Retention => "retention",
        }
    }

    pub fn from_id(id: &str) -> Option<Axis> {
        [Axis::Throughput, Axis::Retention]
            .into_iter()
            .find(|a| a.id() == id)
    }

    /// (low, high) ends of the axis.
    pub fn range(self) -> (f64, f64) {
        match self {
            Axis::Throughput => (0.1, 1024.0),
            Axis::Retention => (1.0, 365.0),
        }
    }

    pub fn unit(self) -> &'static str {
        match self {
            Axis::Throughput => "MB/s",
            Axis::Retention => "days",
        }
    }

    /// The workload's own position on this axis.
    pub fn value_of(self, w: &Workload) -> f64 {
        match self {
            Axis::Throughput => w.records_per_s * w.record_kb / KB_PER_MB,
            Axis::Retention => w.retention_hours / 24.0,
        }
    }

    /// The workload moved to `x` on this axis (record size and peak factor kept).
    pub fn apply(self, w: &Workload, x: f64) -> Workload {
        let mut w = w.clone();
        match self {
            Axis::Throughput => w.records_per_s = x * KB_PER_MB / w.record_kb,
            Axis::Retention => {
                w.retention_hours = x * 24.0;
                if w.tiered
                    .local_hours()
                    .is_some_and(|h| h >= w.retention_hours)
                {
                    w.tiered = Tiered::Off;
                }
            }
        }
        w
    }
}

/// One option's costs along the axis: `None` where it is not eligible or not priced.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub id: OptionId,
    pub cents: Vec<Option<i64>>,
}

/// A change of the cheapest eligible option along the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Crossover {
    /// The axis value where the change happens (between two sample points: their
    /// geometric mean).
    pub at: f64,
    pub from: OptionId,
    pub to: OptionId,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Sweep {
    pub axis: Axis,
    pub xs: Vec<f64>,
    pub series: Vec<Series>,
    /// The cheapest eligible option at each point.
    pub cheapest: Vec<Option<OptionId>>,
    pub crossovers: Vec<Crossover>,
    /// The workload's own position.
    pub marker: f64,
}

/// Sweeps `points` log-spaced values of an axis.
pub fn sweep(base: &Workload, axis: Axis, points: usize, catalog: &Catalog) -> Sweep {
    let (lo, hi) = axis.range();
    let points = points.max(2);
    let xs: Vec<f64> = (0..points)
        .map(|i| lo * (hi / lo).powf(i as f64 / (points - 1) as f64))
        .collect();
    let mut series: Vec<Series> = OptionId::ALL
        .into_iter()
        .map(|id| Series {
            id,
            cents: Vec::with_capacity(points),
        })
        .collect();
    let mut cheapest = Vec::with_capacity(points);
    for &x in &xs {
        let e = estimate_only(&axis.apply(base, x), catalog);
        for (s, o) in series.iter_mut().zip(&e.options) {
            s.cents
                .push((o.status == Status::Priced).then_some(o.total_cents));
        }
        cheapest.push(e.cheapest());
    }
    // No stream at all is drawn only where it is eligible (every reader an S3 delivery).
    series.retain(|s| s.id != OptionId::FirehoseDirect || s.cents.iter().any(Option::is_some));
    let mut crossovers = Vec::new();
    for i in 1..points {
        if let (Some(a), Some(b)) = (cheapest[i - 1], cheapest[i]) {
            if a != b {
                crossovers.push(Crossover {
                    at: (xs[i - 1] * xs[i]).sqrt(),
                    from: a,
                    to: b,
                });
            }
        }
    }
    Sweep {
        axis,
        marker: axis.value_of(base),
        xs,
        series,
        cheapest,
        crossovers,
    }
}

/// Rounds an axis value for prose: 2 significant figures.
pub fn round_for_text(x: f64) -> String {
    if !x.is_finite() || x <= 0.0 {
        return "0".into();
    }
    let magnitude = x.log10().floor() as i32;
    let decimals = (1 - magnitude).max(0) as usize;
    let factor = 10f64.powi(1 - magnitude);
    format_quantity((x * factor).round() / factor, decimals)
}

/// The crossovers in words: "Kinesis Data Streams, provisioned is cheapest below
/// 1.8 MB/s; MSK provisioned, Express brokers from 1.8 MB/s to 64 MB/s; …".
pub fn describe(s: &Sweep) -> String {
    let unit = s.axis.unit();
    let Some(first) = s.cheapest.iter().flatten().next() else {
        return "No option is eligible anywhere on this range.".into();
    };
    if s.crossovers.is_empty() {
        let (lo, hi) = s.axis.range();
        return format!(
            "{} is the cheapest eligible option from {} to {} {unit}.",
            first.name(),
            format_quantity(lo, 1),
            format_quantity(hi, 1)
        );
    }
    let mut parts = vec![format!(
        "{} is cheapest below {} {unit}",
        s.crossovers[0].from.name(),
        round_for_text(s.crossovers[0].at)
    )];
    for (i, c) in s.crossovers.iter().enumerate() {
        match s.crossovers.get(i + 1) {
            Some(next) => parts.push(format!(
                "{} from {} to {} {unit}",
                c.to.name(),
                round_for_text(c.at),
                round_for_text(next.at)
            )),
            None => parts.push(format!(
                "{} above {} {unit}",
                c.to.name(),
                round_for_text(c.at)
            )),
        }
    }
    let mut text = parts.join("; ");
    text.push('.');
    text
}
