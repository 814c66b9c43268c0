//! `showdown`: the command-line tool over the same model as the web page.
//!
//! ```text
//! showdown 'rps=5000&size=2'            # readable table
//! showdown --json 'https://…/?rps=5000'  # JSON
//! ```
//! Rejected parameters go to `input_messages` and to stderr; the exit status is 0
//! unless the argument cannot be read as a query at all (2).

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    stream_showdown::cli::main();
}
