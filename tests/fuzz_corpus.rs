//! Replays every file of the fuzzer's corpus (`fuzz/corpus/decode_estimate/`) through
//! the decoder, the estimate and the recommendation, with the fuzz target's checks, so
//! the test command covers it without a fuzzing build.
#![cfg(not(target_arch = "wasm32"))]

use stream_showdown::model::matrix::Matrix;
use stream_showdown::model::recommend::recommend;
use stream_showdown::model::{decode, encode_link, estimate, Catalog};

#[test]
fn every_corpus_file_decodes_and_estimates_sanely() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/corpus/decode_estimate");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).expect("corpus folder") {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let query = String::from_utf8_lossy(&data);
        let catalog = Catalog::embedded();
        let d = decode(&query, catalog);
        let e = estimate(&d.workload, catalog);
        for o in &e.options {
            assert!(o.total_cents >= 0, "{path:?}");
            assert_eq!(
                o.all_lines().map(|l| l.usd_cents).sum::<i64>(),
                o.total_cents,
                "{path:?}"
            );
        }
        let _ = recommend(&e, &d.workload.needs, Matrix::embedded());
        let again = decode(&encode_link(&d.workload, &d.view), catalog);
        assert!(again.messages.is_empty(), "{path:?}: {:?}", again.messages);
        assert_eq!(again.workload, d.workload, "{path:?}");
        n += 1;
    }
    assert!(n >= 10, "only {n} corpus files");
}
