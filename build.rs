//! Checks the data files and embeds them in a compact binary form: each TOML file in
//! `data/` is parsed into the model's own types (the same source files, included
//! below) and written to OUT_DIR as postcard, so the browser build carries no TOML
//! parser and no TOML text.
#![allow(dead_code)]

#[path = "src/model/limits.rs"]
mod limits;
#[path = "src/model/matrix.rs"]
mod matrix;
#[path = "src/model/prices.rs"]
mod prices;

use std::path::PathBuf;

fn convert<T: serde::Serialize>(name: &str, parse: fn(&str) -> Result<T, String>) {
    let src = format!("data/{name}.toml");
    println!("cargo:rerun-if-changed={src}");
    let text = std::fs::read_to_string(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
    let value = parse(&text).unwrap_or_else(|e| panic!("{src}: {e}"));
    let bytes = postcard::to_allocvec(&value).unwrap_or_else(|e| panic!("{src}: {e}"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join(format!("{name}.bin"));
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}

fn main() {
    for f in ["prices", "limits", "matrix"] {
        println!("cargo:rerun-if-changed=src/model/{f}.rs");
    }
    convert("prices", prices::PriceBook::parse);
    convert("limits", limits::Limits::parse);
    convert("matrix", matrix::Matrix::parse);
}
