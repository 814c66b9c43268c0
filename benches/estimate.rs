//! `cargo bench`: one full estimate of every option, and a 200-point throughput sweep
//! (the chart's work). Target: a full estimate under 20 µs natively.

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    divan::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod benches {
    use stream_showdown::model::{decode, estimate, Catalog, Workload};

    fn typical() -> Workload {
        decode(
            "rps=5120&size=2&consumers=3&retention=7d",
            Catalog::embedded(),
        )
        .workload
    }

    #[divan::bench]
    fn full_estimate(bencher: divan::Bencher) {
        let catalog = Catalog::embedded();
        let w = typical();
        bencher.bench(|| estimate(divan::black_box(&w), catalog));
    }

    /// What a keystroke prices: every option without advice (the advice follows once
    /// typing pauses).
    #[divan::bench]
    fn estimate_without_advice(bencher: divan::Bencher) {
        let catalog = Catalog::embedded();
        let w = typical();
        bencher.bench(|| {
            stream_showdown::model::estimate::estimate_only(divan::black_box(&w), catalog)
        });
    }

    /// The answer's model on every keystroke: the comparison table, why, the echo.
    #[divan::bench]
    fn comparison_and_answer(bencher: divan::Bencher) {
        let catalog = Catalog::embedded();
        let e = estimate(&typical(), catalog);
        bencher.bench(|| {
            let c = stream_showdown::model::compare::compare(divan::black_box(&e));
            let why = stream_showdown::model::compare::why(&c);
            (c, why)
        });
    }

    #[divan::bench]
    fn sweep_200_points(bencher: divan::Bencher) {
        let catalog = Catalog::embedded();
        let base = typical();
        bencher.bench(|| {
            let mut total = 0i64;
            for i in 0..200 {
                // 0.1 MB/s to 1 GB/s on a log axis
                let mb_per_s = 0.1 * 10f64.powf(4.0 * f64::from(i) / 199.0);
                let w = Workload {
                    records_per_s: mb_per_s * 1024.0 / base.record_kb,
                    ..base.clone()
                };
                let e = estimate(&w, catalog);
                total += e.options.iter().map(|o| o.total_cents).sum::<i64>();
            }
            total
        });
    }

    #[divan::bench]
    fn decode_and_encode_a_link(bencher: divan::Bencher) {
        let catalog = Catalog::embedded();
        bencher.bench(|| {
            let d = decode(
                divan::black_box("rps=5120&size=2&consumers=3&efo=1&retention=7d&region=us-east-2&broker=kafka.m7g.xlarge&discount=5"),
                catalog,
            );
            stream_showdown::model::encode(&d.workload)
        });
    }
}
