//! Pure domain logic: no browser dependency, tested natively.
//!
//! Flow: link query → [`link::decode`] → [`workload::Workload`] →
//! [`estimate::estimate`] (with the embedded [`catalog::Catalog`]) → [`estimate::Estimate`].

pub mod catalog;
pub mod compare;
pub mod data_types;
pub mod dr;
pub mod estimate;
pub mod export;
pub mod fields;
pub mod fixed;
pub mod limits;
pub mod link;
pub mod matrix;
pub mod network;
pub mod number;
pub mod options;
pub mod pipeline;
pub mod price_log;
pub mod priced;
pub mod prices;
pub mod readers;
pub mod recommend;
pub mod report;
pub mod sort;
pub mod sorted;
pub mod sweep;
pub mod units;
pub mod view;
pub mod workload;

pub use catalog::Catalog;
pub use estimate::{estimate, Estimate, Line, OptionEstimate, OptionId, Status};
pub use link::{decode, encode, encode_link, Decoded, InputMessage};
pub use view::View;
pub use workload::Workload;
