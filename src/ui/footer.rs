//! Footer: units, sizing rules and the sources of every figure.

use crate::model::Catalog;
use yew::prelude::*;

#[function_component(Footer)]
pub fn footer() -> Html {
    let catalog = Catalog::embedded();
    html! {
        <footer class="site-footer">
            <section aria-labelledby="units-title">
                <h2 id="units-title">{ "Units and rules" }</h2>
                <ul>
                    <li>{ "1 KB = 1,024 bytes; 1 MB = 1,024 KB; 1 GB = 2^30 bytes; a month = 730 hours. Amounts are rounded to the cent per line; a total is the sum of its rounded lines." }</li>
                    <li>{ "Kinesis provisioned shards = ceil(max(peak write MB/s ÷ 1, peak records/s ÷ 1,000, shared-read MB/s ÷ 2)); enhanced fan-out consumers get their own 2 MB/s per shard." }</li>
                    <li>{ "Kinesis on-demand bills ingest with each record rounded up to 1 KB; reads are not rounded." }</li>
                    <li>{ "MSK Standard: brokers sized by AWS's sizing rule (sustained ingress per broker = min(EBS ÷ 6.5, NIC ÷ (1.5 × consumers + 5.7)) × 50 %), partitions per broker and storage (retained × RF × 2), in multiples of the AZ count; the cheapest broker type wins." }</li>
                    <li>{ "MSK Express: sustained ingress and egress per broker size from AWS's quotas, 3 AZs, multiples of 3. MSK Serverless: not eligible past its cluster or partition quotas." }</li>
                    <li>{ "Client traffic that crosses AZs costs $0.01/GB on each side (producers (AZs−1)/AZs; consumers too unless rack-aware). Replication between brokers is free." }</li>
                </ul>
            </section>
            <section id="sources" aria-labelledby="sources-title">
                <h2 id="sources-title">{ format!("Sources (prices as of {})", catalog.prices.as_of) }</h2>
                <ul class="sources">
                    { for catalog.prices.sources.iter().chain(catalog.limits.sources.iter()).map(|(key, s)| html! {
                        <li data-source={key.to_string()}><a href={s.url.clone()} rel="noopener">{ &*s.title }</a>{ format!(" — {} (grade {})", s.date, s.grade) }</li>
                    }) }
                </ul>
            </section>
        </footer>
    }
}
