//! The race's world: results, times, places, podiums. No browser, no UI.
pub mod model;
pub mod time;

pub use model::*;
