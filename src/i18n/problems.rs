//! Texts for problems found in results files (written by the format module).
