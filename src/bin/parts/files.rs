//! Writing a head and its parts into a folder, for `parts` and `convert --parts`.

use race_results::dataset::Dataset;
use race_results::parts::write::publish;
use std::path::{Component, Path, PathBuf};
use std::time::Instant;

/// Publishes `data` in parts into `dir` (made if missing; parts of an earlier run
/// removed first), the head naming the whole file as `whole`. Returns the summary line.
pub fn write_parts(data: &Dataset, dir: &Path, whole: &str) -> Result<String, String> {
    let shown = dir.display();
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot make {shown}: {e}"))?;
    let old = std::fs::read_dir(dir).map_err(|e| format!("cannot read {shown}: {e}"))?;
    for entry in old.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = name == "head.json"
            || ((name.starts_with("n-") || name.starts_with("b-")) && name.ends_with(".json"));
        if ours {
            std::fs::remove_file(entry.path())
                .map_err(|e| format!("cannot remove {}: {e}", entry.path().display()))?;
        }
    }
    let started = Instant::now();
    let files = publish(data, whole);
    let took = started.elapsed();
    let mut head = 0;
    let mut largest = (0, "");
    for (name, text) in &files {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        if name == "head.json" {
            head = text.len();
        } else if text.len() > largest.0 {
            largest = (text.len(), name.as_str());
        }
    }
    Ok(format!(
        "wrote {} parts and head.json (whole: {whole}) to {shown}: head {}, largest part {} ({}), made in {:.0} ms",
        files.len().saturating_sub(1),
        kb(head),
        kb(largest.0),
        largest.1,
        took.as_secs_f64() * 1000.0
    ))
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

/// The address of `file` relative to folder `dir`, with '/' between the steps, as the
/// head names the whole file ("../results.json"). Both must exist.
pub fn relative_url(dir: &Path, file: &Path) -> Result<String, String> {
    let full = |p: &Path| {
        std::fs::canonicalize(p).map_err(|e| format!("cannot find {}: {e}", p.display()))
    };
    let (dir, file) = (full(dir)?, full(file)?);
    let from: Vec<Component> = dir.components().collect();
    let to: Vec<Component> = file.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut url = PathBuf::new();
    for _ in common..from.len() {
        url.push("..");
    }
    for c in &to[common..] {
        url.push(c.as_os_str());
    }
    let steps: Vec<String> = url
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Ok(steps.join("/"))
}
