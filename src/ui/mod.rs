//! The browser app: thin components that read the Dataset and the Ui signals.
pub mod age_grade;
mod app;
pub mod controls;
pub mod embed;
pub mod event_header;
pub mod export;
pub mod file_open;
pub mod fresh;
pub mod histogram;
pub mod import_host;
pub mod live;
pub mod loader;
pub mod offline_copy;
pub mod parts;
pub mod parts_note;
pub mod podiums;
pub mod problems;
pub mod result_list;
pub mod runner_card;
pub mod stars;
pub mod state;
pub mod teams;

pub use app::App;

/// Entry point: the panic hook first, then the app.
pub fn start() {
    crate::web::panic::install();
    crate::web::browser::mark("app: started");
    crate::web::browser::expose_memory();
    leptos::mount::mount_to_body(App);
}
