//! Importers for what timing systems export: CSV and IOF XML 3.0.
