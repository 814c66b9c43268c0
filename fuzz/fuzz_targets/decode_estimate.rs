//! Fuzzes the link decoder and the whole estimate path with arbitrary query strings:
//! no panic, and every estimate stays sane (no negative total, totals = sum of lines).
#![no_main]

use libfuzzer_sys::fuzz_target;
use stream_showdown::model::fixed::{fixed, shortest};
use stream_showdown::model::matrix::Matrix;
use stream_showdown::model::recommend::recommend;
use stream_showdown::model::{decode, encode_link, estimate, Catalog};

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let catalog = Catalog::embedded();
    let d = decode(&query, catalog);
    let e = estimate(&d.workload, catalog);
    for o in &e.options {
        assert!(o.total_cents >= 0);
        assert_eq!(o.all_lines().map(|l| l.usd_cents).sum::<i64>(), o.total_cents);
        // The app's own float formatting prints what the standard library prints.
        for l in o.all_lines() {
            for x in [l.quantity, l.unit_usd] {
                assert_eq!(fixed(x, 4), format!("{x:.4}"));
                assert_eq!(shortest(x).parse::<f64>().ok(), Some(x));
            }
        }
    }
    let _ = recommend(&e, &d.workload.needs, Matrix::embedded());
    // What the decoder accepted re-encodes to a link that decodes the same.
    let again = decode(&encode_link(&d.workload, &d.view), catalog);
    assert!(again.messages.is_empty());
    assert_eq!(again.workload, d.workload);
});
