//! The viewer's on-demand module (see race_results::extras): built by Trunk beside the
//! app, loaded only when a feature in it is first used.
#[cfg(target_arch = "wasm32")]
fn main() {
    race_results::extras::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This binary is the viewer's on-demand module; Trunk builds it for the browser.");
}
