//! "Download CSV": the directory as the visitor filtered it, for Excel and friends.
//!
//! UTF-8 with a byte-order mark (so Excel shows å, ä, ö), comma-separated, CRLF line ends,
//! fields quoted when needed (RFC 4180). Columns in the current language.
//!
//! ```
//! use innovation_atlas::export::csv_field;
//! assert_eq!(csv_field("Göteborg, \"GBG\""), "\"Göteborg, \"\"GBG\"\"\"");
//! ```

use crate::countries;
use crate::dataset::Lang;
use crate::directory::Entry;
use crate::i18n::{kind_name, t};

pub const BOM: &str = "\u{feff}";

/// One field, quoted if it holds a comma, quote or line break.
pub fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

fn csv_row(fields: &[String]) -> String {
    fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",") + "\r\n"
}

/// The CSV file for `entries`, in `lang`.
pub fn directory_csv<'a>(entries: impl IntoIterator<Item = &'a Entry>, lang: Lang) -> String {
    let s = t(lang);
    let header = [s.csv_name, s.filter_kind, s.filter_country, s.csv_city, s.csv_description, s.csv_links, s.source_label];
    let mut out = String::from(BOM);
    out.push_str(&csv_row(&header.map(String::from)));
    for e in entries {
        let countries: Vec<String> = e.countries.iter().map(|c| countries::display_name(c, lang)).collect();
        let links: Vec<&str> = e.links.iter().map(|l| l.url.as_str()).collect();
        out.push_str(&csv_row(&[
            e.name.get(lang).to_string(),
            kind_name(e.kind, lang).to_string(),
            countries.join("; "),
            e.city.as_ref().map(|c| c.get(lang).to_string()).unwrap_or_default(),
            e.description.get(lang).to_string(),
            links.join(" "),
            e.source.clone(),
        ]));
    }
    out
}
