//! The comparison under the answer: one row per option, cheapest first, its monthly total
//! in the same cost groups as every other option, its biggest cost, and its status with
//! the reason (not eligible, or not priced: add rates). Each name links to its card.

use super::rich;
use crate::model::compare::Comparison;
use crate::model::units::format_usd_cents;
use crate::model::Status;
use yew::prelude::*;

pub fn comparison(c: &Comparison, region: &str, onreveal: &Callback<&'static str>) -> Html {
    let groups = c.used_groups();
    let cheapest = c
        .rows
        .first()
        .filter(|r| r.status == Status::Priced)
        .map(|r| r.id);
    // The status text spans the groups and the biggest-cost column.
    let span = (groups.len() + 1).to_string();
    html! {
        <section id="comparison" class="comparison" aria-labelledby="comparison-title">
            <h2 id="comparison-title">{ format!("Every option, a month in {region}") }</h2>
            <div class="table-wrap">
            <table class={classes!((groups.len() > 4).then_some("many"))}>
                <colgroup><col class="c-option" />{ for groups.iter().map(|_| html! { <col /> }) }<col class="c-big" /><col class="c-total" /></colgroup>
                <thead><tr>
                    <th scope="col">{ "Option" }</th>
                    { for groups.iter().map(|g| html! { <th scope="col" class="num grp">{ g.name() }</th> }) }
                    <th scope="col" class="big">{ "Biggest cost" }</th>
                    <th scope="col" class="num">{ "Total" }</th>
                </tr></thead>
                <tbody>
                { for c.rows.iter().map(|r| {
                    let id = r.id.id();
                    let first = Some(r.id) == cheapest;
                    html! {
                        <tr key={id} data-row={id} class={classes!(r.status.id(), first.then_some("is-cheapest"))}>
                            <th scope="row"><a href={format!("#card-{id}")}>{ r.id.short_name() }</a>
                                { if first { html! { <span class="sr-only">{ ", cheapest" }</span> } } else { Html::default() } }</th>
                            { if r.status == Status::Priced { html! { <>
                                { for groups.iter().map(|g| {
                                    let cents = r.groups[g.index()];
                                    html! { <td class="num grp">{ if cents == 0 { "—".to_string() } else { format_usd_cents(cents) } }</td> }
                                }) }
                                <td class="big">{ r.biggest.as_ref().map(|b| format!("{} · {}\u{a0}%", b.name,
                                    crate::model::compare::pct_text(b.pct))).unwrap_or_default() }</td>
                                <td class="num total" data-total-cents={r.total_cents.to_string()}>{ format_usd_cents(r.total_cents) }</td>
                            </> } } else { html! { <>
                                <td class="status-note" colspan={span.clone()}><span class="clamp">{ rich(&r.note, onreveal) }</span></td>
                                <td class="num total">{ if r.status == Status::NotEligible { "Not eligible" } else { "Not priced" } }</td>
                            </> } } }
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            </div>
        </section>
    }
}
