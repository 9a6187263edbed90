//! The browser edge: reading files and URLs, the address bar, the panic hook.
pub mod browser;
pub mod extras;
pub mod first_view;
pub mod load;
pub mod offline;
pub mod panic;
