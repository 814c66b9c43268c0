//! Break-even charts, drawn as SVG by the app: every option's monthly cost along one
//! axis (log scale), ineligible ranges as gaps, the user's workload marked, the
//! crossovers in words, and the numbers as a table.

use crate::model::estimate::OptionId;
use crate::model::fixed::{fixed, trimmed};
use crate::model::sorted::VecSet;
use crate::model::sweep::{describe, Axis, Sweep};
use crate::model::units::{format_quantity, format_usd_cents};
use std::fmt::Write as _;
use yew::prelude::*;

const W: f64 = 640.0;
const H: f64 = 300.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 40.0;

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub sweep: Sweep,
    pub hidden: VecSet<String>,
    /// (option, hide it) when a legend button is pressed.
    pub ontoggle_option: Callback<(OptionId, bool)>,
}

fn x_pos(axis: Axis, x: f64) -> f64 {
    let (lo, hi) = axis.range();
    let t = (x.max(lo).min(hi) / lo).ln() / (hi / lo).ln();
    LEFT + t * (W - LEFT - RIGHT)
}

/// The y axis: monthly dollars on a log scale between two powers of ten.
#[derive(Clone, Copy)]
struct YScale {
    lo_exp: i32,
    hi_exp: i32,
}

impl YScale {
    fn new(min_cents: i64, max_cents: i64) -> Self {
        let lo = (min_cents.max(100) as f64 / 100.0).log10().floor() as i32;
        let hi = (max_cents.max(100) as f64 / 100.0).log10().ceil() as i32;
        Self {
            lo_exp: lo,
            hi_exp: hi.max(lo + 1),
        }
    }

    fn y(self, cents: i64) -> f64 {
        let dollars = (cents as f64 / 100.0).max(10f64.powi(self.lo_exp));
        let t = (dollars.log10() - f64::from(self.lo_exp)) / f64::from(self.hi_exp - self.lo_exp);
        H - BOTTOM - t * (H - TOP - BOTTOM)
    }

    /// Tick values in cents: every power of ten on the axis.
    fn ticks(self) -> Vec<i64> {
        (self.lo_exp..=self.hi_exp)
            .map(|e| (10f64.powi(e) * 100.0) as i64)
            .collect()
    }
}

fn short_usd(cents: i64) -> String {
    let d = cents as f64 / 100.0;
    if d >= 1e6 {
        format!("${}M", format_quantity(d / 1e6, 1))
    } else if d >= 1e3 {
        format!("${}k", format_quantity(d / 1e3, 1))
    } else {
        format!("${}", format_quantity(d, 0))
    }
}

fn ticks(axis: Axis) -> &'static [f64] {
    match axis {
        Axis::Throughput => &[0.1, 1.0, 10.0, 100.0, 1000.0],
        Axis::Retention => &[1.0, 7.0, 30.0, 90.0, 365.0],
    }
}

fn title(axis: Axis) -> &'static str {
    match axis {
        Axis::Throughput => "Monthly cost against write throughput",
        Axis::Retention => "Monthly cost against retention",
    }
}

fn path_for(sweep: &Sweep, cents: &[Option<i64>], scale: YScale) -> String {
    let mut d = String::new();
    let mut pen_down = false;
    for (x, c) in sweep.xs.iter().zip(cents) {
        match c {
            Some(c) => {
                let cmd = if pen_down { 'L' } else { 'M' };
                let _ = write!(
                    d,
                    "{cmd}{},{} ",
                    fixed(x_pos(sweep.axis, *x), 1),
                    fixed(scale.y(*c), 1)
                );
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    d
}

#[function_component(BreakEvenChart)]
pub fn break_even_chart(p: &ChartProps) -> Html {
    let s = &p.sweep;
    let axis = s.axis;
    let id = axis.id();
    let visible: Vec<&crate::model::sweep::Series> = s
        .series
        .iter()
        .filter(|x| !p.hidden.contains(x.id.id()))
        .collect();
    let all = || {
        visible
            .iter()
            .flat_map(|x| x.cents.iter().flatten())
            .copied()
    };
    let scale = YScale::new(all().min().unwrap_or(100), all().max().unwrap_or(100));
    let text = describe(s);
    let marker_x = x_pos(axis, s.marker);
    let y_ticks = scale.ticks();
    html! {
        <figure class="chart" data-chart={id}>
            <svg viewBox={format!("0 0 {} {}", trimmed(W, 1), trimmed(H, 1))} role="img" aria-labelledby={format!("chart-{id}-title chart-{id}-desc")} preserveAspectRatio="xMidYMid meet">
                <title id={format!("chart-{id}-title")}>{ title(axis) }</title>
                <desc id={format!("chart-{id}-desc")}>{ format!("{text} Your workload is at {} {}.", format_quantity(s.marker, 2), axis.unit()) }</desc>
                { for y_ticks.iter().map(|&t| { let y = scale.y(t); html! {
                    <g class="grid">
                        <line x1={trimmed(LEFT, 1)} x2={trimmed(W - RIGHT, 1)} y1={fixed(y, 1)} y2={fixed(y, 1)} />
                        <text x={trimmed(LEFT - 6.0, 1)} y={fixed(y + 4.0, 1)} text-anchor="end">{ short_usd(t) }</text>
                    </g>
                }}) }
                { for ticks(axis).iter().map(|&t| { let x = x_pos(axis, t); html! {
                    <g class="grid">
                        <line x1={fixed(x, 1)} x2={fixed(x, 1)} y1={trimmed(TOP, 1)} y2={trimmed(H - BOTTOM, 1)} />
                        <text x={fixed(x, 1)} y={trimmed(H - BOTTOM + 16.0, 1)} text-anchor={if x > W - RIGHT - 20.0 { "end" } else { "middle" }}>{ format_quantity(t, 1) }</text>
                    </g>
                }}) }
                { for visible.iter().map(|series| html! {
                    <g class={classes!("series", format!("s-{}", series.id.id()))}>
                        <path d={path_for(s, &series.cents, scale)} />
                        { for s.xs.iter().zip(&series.cents).step_by(6).filter_map(|(x, c)| c.map(|c| html! {
                            <circle cx={fixed(x_pos(axis, *x), 1)} cy={fixed(scale.y(c), 1)} r="3">
                                <title>{ format!("{}: {} at {} {}", series.id.name(), format_usd_cents(c), format_quantity(*x, 2), axis.unit()) }</title>
                            </circle>
                        })) }
                    </g>
                }) }
                <line class="marker" x1={fixed(marker_x, 1)} x2={fixed(marker_x, 1)} y1={trimmed(TOP, 1)} y2={trimmed(H - BOTTOM, 1)} />
                <text class="marker-label" x={fixed(marker_x + 4.0, 1)} y={trimmed(TOP + 12.0, 1)}>{ "your workload" }</text>
            </svg>
            <figcaption>
                // (In HTML rather than in the drawing, so that it stays readable when the
                // drawing is scaled down to a phone's width.)
                <p class="axis-label">{ format!("Across: {} ({}, log scale). Up: cost per month (USD, log scale).", match axis { Axis::Throughput => "average write throughput", Axis::Retention => "retention" }, axis.unit()) }</p>
                <p class="crossovers" data-crossovers={id}>{ text }</p>
                <div class="legend" role="group" aria-label="Show or hide options">
                    { for s.series.iter().map(|series| {
                        let option = series.id;
                        let hidden = p.hidden.contains(option.id());
                        let onclick = p.ontoggle_option.reform(move |_: MouseEvent| (option, !hidden));
                        html! {
                            <button type="button" class={classes!("legend-item", format!("s-{}", option.id()))} aria-pressed={(!hidden).to_string()} {onclick}>
                                <span class="swatch" aria-hidden="true"></span>{ option.name() }
                            </button>
                        }
                    }) }
                </div>
            </figcaption>
        </figure>
    }
}

/// The numbers behind a chart, as a table (a function, not a component: it is drawn
/// only with its chart, inside a section that is rendered only when open).
pub fn chart_table(s: &Sweep) -> Html {
    html! {
        <table class="chart-data">
            <caption>{ format!("{} (monthly USD; — = not eligible or not priced)", title(s.axis)) }</caption>
            <thead><tr>
                <th scope="col">{ s.axis.unit() }</th>
                { for s.series.iter().map(|x| html! { <th scope="col">{ x.id.name() }</th> }) }
            </tr></thead>
            <tbody>
                { for s.xs.iter().enumerate().step_by(4).map(|(i, x)| html! {
                    <tr>
                        <th scope="row">{ format_quantity(*x, 2) }</th>
                        { for s.series.iter().map(|series| html! {
                            <td class="num">{ series.cents[i].map_or_else(|| "—".to_string(), format_usd_cents) }</td>
                        }) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
