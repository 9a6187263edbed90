//! Everything the viewer tells a user went wrong or was noticed, in their language: the
//! problems in a results file that loads, why a file cannot be opened, why a download
//! failed, why an import failed and what the importer noticed. One pattern for all of
//! them: a `Message` is data (an enum from the module that found it); its text is a
//! `match` per language in en.rs, ru.rs and kk.rs, so a new variant without a text in
//! every language does not compile. Values from the file are quoted as written.
//! The warnings panel shows the row, bib and field next to each problem, so texts do not
//! repeat them.
use super::{format_int, Lang};
use crate::domain::Ranking;
use crate::failure::{Failure, FetchError};
use crate::format::{JsonSyntax, Kind, LoadError, Problem};
use crate::import::{AgeTablesError, ImportError, ImportNote};

mod en;
mod kk;
mod ru;
#[cfg(test)]
mod tests;

/// Something to tell the user, with a text in each language.
pub trait Message {
    fn text(&self, lang: Lang) -> String;
}

/// Implements `Message` by calling the same-named function of each language module.
macro_rules! message {
    ($type:ty, $function:ident) => {
        impl Message for $type {
            fn text(&self, lang: Lang) -> String {
                match lang {
                    Lang::En => en::$function(self),
                    Lang::Ru => ru::$function(self),
                    Lang::Kk => kk::$function(self),
                }
            }
        }
    };
}

message!(Problem, problem);
message!(LoadError, load_error);
message!(FetchError, fetch_error);
message!(ImportError, import_error);
message!(ImportNote, import_note);
message!(AgeTablesError, age_tables_error);
message!(Failure, failure);

/// Whole megabytes, rounded up, so a file just over the limit does not read "100 MB".
fn megabytes(bytes: u64) -> u64 {
    bytes.div_ceil(1024 * 1024)
}
