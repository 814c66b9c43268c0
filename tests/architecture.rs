//! The engine flows one way (shared/architecture.md): no module of `src/model` reaches,
//! through the modules it uses, back to itself. The types every option takes and returns
//! (`model::priced`) sit below the option modules; the entry point (`model::estimate`)
//! sits above them. Read from the source files' `use`/paths (comments and tests left out).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Module name → the modules of `src/model` its code names.
fn model_graph() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model");
    let mut files = Vec::new();
    for entry in fs::read_dir(&root).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "rs") && p.file_stem().unwrap() != "mod" {
            files.push((p.file_stem().unwrap().to_string_lossy().to_string(), p));
        }
    }
    for entry in fs::read_dir(root.join("options")).unwrap() {
        let p = entry.unwrap().path();
        let stem = p.file_stem().unwrap().to_string_lossy().to_string();
        let name = if stem == "mod" {
            "options".to_string()
        } else {
            format!("options::{stem}")
        };
        files.push((name, p));
    }
    let names: BTreeSet<String> = files.iter().map(|(n, _)| n.clone()).collect();
    let mut graph = BTreeMap::new();
    for (name, path) in &files {
        let text = fs::read_to_string(path).unwrap();
        // The code only: no tests, no comments.
        let code: String = text
            .split("#[cfg(test)]")
            .next()
            .unwrap()
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let in_options = name.starts_with("options");
        let mut deps = BTreeSet::new();
        for (prefix, base) in [
            ("crate::model::", ""),
            ("super::super::", ""),
            (
                "super::",
                if in_options && name != "options" {
                    "options::"
                } else {
                    ""
                },
            ),
        ] {
            for (i, _) in code.match_indices(prefix) {
                // (`super::super::` also matches `super::`: skip the inner match.)
                if prefix == "super::" && code[..i].ends_with("super::") {
                    continue;
                }
                let rest = &code[i + prefix.len()..];
                let ident: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect();
                let mut target = format!("{base}{ident}");
                if target == "options::" || (base == "options::" && !names.contains(&target)) {
                    // `super::x` in options/mod.rs's children: a sibling, or options itself.
                    target = "options".to_string();
                }
                if ident == "options" {
                    let sub: String = rest["options::".len().min(rest.len())..]
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                        .collect();
                    let child = format!("options::{sub}");
                    if rest.starts_with("options::") && names.contains(&child) {
                        target = child;
                    }
                }
                if names.contains(&target) && &target != name {
                    deps.insert(target);
                }
            }
        }
        graph.insert(name.clone(), deps);
    }
    graph
}

/// A path from `from` back to itself, if there is one.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>, from: &str) -> Option<Vec<String>> {
    let mut stack = vec![(from.to_string(), vec![from.to_string()])];
    let mut seen = BTreeSet::new();
    while let Some((at, path)) = stack.pop() {
        for next in &graph[&at] {
            if next == from {
                let mut p = path.clone();
                p.push(next.clone());
                return Some(p);
            }
            if seen.insert(next.clone()) {
                let mut p = path.clone();
                p.push(next.clone());
                stack.push((next.clone(), p));
            }
        }
    }
    None
}

#[test]
fn the_model_has_no_import_circle() {
    let graph = model_graph();
    assert!(graph.len() > 20, "{graph:?}");
    for name in graph.keys() {
        if let Some(path) = circle(&graph, name) {
            panic!("import circle: {}", path.join(" → "));
        }
    }
    // The shared types sit below the options, the entry point above them.
    assert!(graph["estimate"].contains("options"));
    assert!(graph["options::msk_standard"].contains("priced"));
    assert!(!graph["priced"].contains("estimate") && !graph["priced"].contains("options"));
}

/// Cross-cutting reader rules live in one place: no option file names the reader
/// counts of the workload itself.
#[test]
fn option_files_ask_the_readers_module() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model/options");
    for entry in fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        let text = fs::read_to_string(&p).unwrap();
        for field in [
            "w.firehose",
            "w.lambda",
            "w.flink_kpus",
            ".firehose >",
            ".lambda >",
        ] {
            assert!(
                !text.contains(field),
                "{}: reads {field} (ask model::readers)",
                p.display()
            );
        }
    }
}
