//! Streaming Showdown: Kinesis Data Streams vs Amazon MSK.
//!
//! - [`model`] is pure domain logic (units, workload, link codec, price book, the
//!   cost engine and its deployment options). It has no browser dependency and is
//!   tested natively with `cargo test`.
//! - [`ui`] holds the Yew components that render what the model computed.

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod model;
/// The price refresh from AWS's price files (`refresh-prices`).
#[cfg(not(target_arch = "wasm32"))]
pub mod refresh;
pub mod ui;
