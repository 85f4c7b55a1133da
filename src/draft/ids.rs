//! Ids for new records: made from the name, plain (`a-z`, `0-9`, `-`) and unique in the file.
//!
//! ```
//! use innovation_atlas::draft::ids::{from_name, unique};
//! assert_eq!(from_name("Office of Science and Innovation, Tōkyō"), "office-of-science-and-innovation-tokyo");
//! assert_eq!(unique("osi-tokyo", |id| id == "osi-tokyo"), "osi-tokyo-2");
//! ```

use std::collections::HashSet;

use crate::schema::RecordKind;
use crate::text::fold;

use super::document::Document;

/// The longest id the file allows.
const MAX_LEN: usize = 64;

/// An id from a name: lower case without accents, words joined by hyphens, at most 64 long.
pub fn from_name(name: &str) -> String {
    let folded = fold(name);
    let mut id = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let mut id: String = id.trim_end_matches('-').chars().take(MAX_LEN).collect();
    while id.ends_with('-') {
        id.pop();
    }
    id
}

/// `wanted`, or with `-2`, `-3`, … added, whichever `taken` does not hold; `record` when
/// `wanted` is empty.
pub fn unique(wanted: &str, taken: impl Fn(&str) -> bool) -> String {
    let wanted = if wanted.is_empty() { "record" } else { wanted };
    if !taken(wanted) {
        return wanted.to_string();
    }
    (2..)
        .map(|n| {
            let suffix = format!("-{n}");
            let stem: String = wanted.chars().take(MAX_LEN - suffix.len()).collect();
            format!("{}{suffix}", stem.trim_end_matches('-'))
        })
        .find(|id| !taken(id))
        .expect("an unused id exists")
}

/// Every id the document uses (ids are unique across the whole file, countries' codes too).
pub fn taken(document: &Document) -> HashSet<String> {
    RecordKind::ALL
        .iter()
        .flat_map(|kind| document.records(*kind).iter().filter_map(move |r| r.get(kind.id_field())?.as_str().map(String::from)))
        .collect()
}
