#[cfg(target_arch = "wasm32")]
fn main() {
    race_results::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This binary is the browser app; build it with `trunk build`.");
}
