//! Yew components, one file per part of the page. They render what the model
//! computed; the state lives in one reducer ([`state`]).

pub mod answer;
pub mod app;
pub mod charts;
pub mod cost_cards;
pub mod decision;
pub mod derived;
pub mod explorer;
pub mod explorer_controls;
pub mod exports;
pub mod footer;
pub mod header;
pub mod notices;
pub mod panic;
pub mod section;
pub mod share;
pub mod state;
pub mod workload_form;

pub use app::{initial_query, App};
