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

/// Text for SVG markup: `&`, `<` and `>` escaped (the drawing's text is the model's:
/// option names, amounts and units).
fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The drawing, as SVG markup: written as text rather than built as `html!` nodes,
/// because it is replaced whole whenever it changes (once typing pauses) and the module
/// is smaller this way (0.6 KB brotli). `text`: the crossovers in words ([`describe`]).
fn svg(s: &Sweep, visible: &[&crate::model::sweep::Series], scale: YScale, text: &str) -> String {
    let axis = s.axis;
    let id = axis.id();
    let mut o = String::with_capacity(8192);
    let _ = write!(
        o,
        r#"<svg viewBox="0 0 {} {}" role="img" aria-labelledby="chart-{id}-title chart-{id}-desc" preserveAspectRatio="xMidYMid meet"><title id="chart-{id}-title">{}</title><desc id="chart-{id}-desc">{} Your workload is at {} {}.</desc>"#,
        trimmed(W, 1),
        trimmed(H, 1),
        title(axis),
        esc(text),
        format_quantity(s.marker, 2),
        esc(axis.unit()),
    );
    let line = |o: &mut String, class: &str, x1: String, x2: String, y1: String, y2: String| {
        let _ = write!(
            o,
            r#"<line{class} x1="{x1}" x2="{x2}" y1="{y1}" y2="{y2}"/>"#
        );
    };
    for t in scale.ticks() {
        let y_at = scale.y(t);
        let y = fixed(y_at, 1);
        o.push_str(r#"<g class="grid">"#);
        line(
            &mut o,
            "",
            trimmed(LEFT, 1),
            trimmed(W - RIGHT, 1),
            y.clone(),
            y,
        );
        let _ = write!(
            o,
            r#"<text x="{}" y="{}" text-anchor="end">{}</text></g>"#,
            trimmed(LEFT - 6.0, 1),
            fixed(y_at + 4.0, 1),
            esc(&short_usd(t))
        );
    }
    for &t in ticks(axis) {
        let x = x_pos(axis, t);
        o.push_str(r#"<g class="grid">"#);
        line(
            &mut o,
            "",
            fixed(x, 1),
            fixed(x, 1),
            trimmed(TOP, 1),
            trimmed(H - BOTTOM, 1),
        );
        let _ = write!(
            o,
            r#"<text x="{}" y="{}" text-anchor="{}">{}</text></g>"#,
            fixed(x, 1),
            trimmed(H - BOTTOM + 16.0, 1),
            if x > W - RIGHT - 20.0 {
                "end"
            } else {
                "middle"
            },
            format_quantity(t, 1)
        );
    }
    for series in visible {
        let _ = write!(
            o,
            r#"<g class="series s-{}"><path d="{}"/>"#,
            series.id.id(),
            path_for(s, &series.cents, scale)
        );
        for (x, c) in s.xs.iter().zip(&series.cents).step_by(6) {
            if let Some(c) = c {
                let _ = write!(
                    o,
                    r#"<circle cx="{}" cy="{}" r="3"><title>{}: {} at {} {}</title></circle>"#,
                    fixed(x_pos(axis, *x), 1),
                    fixed(scale.y(*c), 1),
                    esc(series.id.name()),
                    esc(&format_usd_cents(*c)),
                    format_quantity(*x, 2),
                    esc(axis.unit())
                );
            }
        }
        o.push_str("</g>");
    }
    let marker_x = x_pos(axis, s.marker);
    line(
        &mut o,
        r#" class="marker""#,
        fixed(marker_x, 1),
        fixed(marker_x, 1),
        trimmed(TOP, 1),
        trimmed(H - BOTTOM, 1),
    );
    let _ = write!(
        o,
        r#"<text class="marker-label" x="{}" y="{}">your workload</text></svg>"#,
        fixed(marker_x + 4.0, 1),
        trimmed(TOP + 12.0, 1)
    );
    o
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
    html! {
        <figure class="chart" data-chart={id}>
            { Html::from_html_unchecked(AttrValue::from(svg(s, &visible, scale, &text))) }
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
