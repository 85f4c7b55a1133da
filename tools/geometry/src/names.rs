//! ISO 3166-1 code tables and country names from i18n-iso-countries.

use std::collections::BTreeMap;

use serde_json::Value;

/// One row of `codes.json`: `[alpha2, alpha3, numeric, ...]`.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeRow {
    pub alpha2: String,
    pub numeric: String,
}

pub fn parse_codes(json: &str, source: &str) -> Result<Vec<CodeRow>, String> {
    let rows: Vec<Vec<String>> = serde_json::from_str(json).map_err(|e| format!("{source}: expected rows of strings: {e}"))?;
    rows.into_iter()
        .enumerate()
        .map(|(i, row)| match row.as_slice() {
            [alpha2, _alpha3, numeric, ..] => Ok(CodeRow { alpha2: alpha2.clone(), numeric: numeric.clone() }),
            _ => Err(format!("{source}: row {i} has fewer than 3 columns")),
        })
        .collect()
}

/// Reads `langs/xx.json`: `.countries[CODE]` is a name or a list of names.
pub fn parse_names(json: &str, source: &str) -> Result<BTreeMap<String, Vec<String>>, String> {
    let doc: Value = serde_json::from_str(json).map_err(|e| format!("{source}: {e}"))?;
    let countries = doc.get("countries").and_then(Value::as_object).ok_or_else(|| format!("{source}: no \"countries\" object"))?;
    countries
        .iter()
        .map(|(code, v)| {
            let names: Vec<String> = match v {
                Value::String(s) => vec![s.clone()],
                Value::Array(a) => a.iter().filter_map(|n| n.as_str().map(String::from)).collect(),
                _ => Vec::new(),
            };
            if names.is_empty() {
                return Err(format!("{source}: no name for {code}"));
            }
            Ok((code.clone(), names))
        })
        .collect()
}

/// Hand-picked display names where the general rule in [`pick_name`] keeps
/// a formal or inverted catalogue form ("Moldova, Republic of") that reads
/// badly on a map. Keep this list short.
pub const EN_OVERRIDES: &[(&str, &str)] = &[
    ("BN", "Brunei"),                 // "Brunei Darussalam"
    ("FM", "Micronesia"),             // "Micronesia, Federated States of"
    ("LA", "Laos"),                   // "Lao People's Democratic Republic"
    ("MD", "Moldova"),                // "Moldova, Republic of"
    ("RU", "Russia"),                 // "Russian Federation" / "Russia" are not word-aligned
    ("SY", "Syria"),                  // "Syrian Arab Republic"
    ("VG", "British Virgin Islands"), // "Virgin Islands, British"
    ("VI", "U.S. Virgin Islands"),    // "Virgin Islands, U.S."
];
pub const SV_OVERRIDES: &[(&str, &str)] = &[
    ("PS", "Palestina"), // "Palestinska territoriet, ockuperade"
];

/// Picks one display name per code.
///
/// Rule: take the first (canonical) entry, unless a later entry is a short
/// form of it, i.e. a whole-word prefix or suffix of the first entry
/// ("United States" of "United States of America", "China" of "People's
/// Republic of China", "Taiwan" of "Taiwan, Province of China"). The
/// shortest such short form wins. A short form that also names another
/// country ("Congo" for both CD and CG) is ambiguous and never chosen.
/// Abbreviations like "USA" or "UK" are not prefixes/suffixes, so they are
/// never picked. Overrides replace the result for their codes.
pub fn pick_names(names: &BTreeMap<String, Vec<String>>, overrides: &[(&str, &str)]) -> BTreeMap<String, String> {
    // How many codes list each name, to detect ambiguous short forms.
    let mut uses: BTreeMap<&str, usize> = BTreeMap::new();
    for list in names.values() {
        let mut seen: Vec<&str> = list.iter().map(String::as_str).collect();
        seen.sort_unstable();
        seen.dedup();
        for n in seen {
            *uses.entry(n).or_default() += 1;
        }
    }
    let mut picked: BTreeMap<String, String> = names
        .iter()
        .map(|(code, list)| {
            let first = &list[0];
            let short =
                list[1..].iter().filter(|n| uses.get(n.as_str()) == Some(&1) && is_short_form(n, first)).min_by_key(|n| n.chars().count());
            (code.clone(), short.unwrap_or(first).clone())
        })
        .collect();
    for (code, name) in overrides {
        if let Some(slot) = picked.get_mut(*code) {
            *slot = (*name).to_string();
        }
    }
    picked
}

/// True if `short` is a whole-word prefix or suffix of the longer `full`.
fn is_short_form(short: &str, full: &str) -> bool {
    if short.len() >= full.len() {
        return false;
    }
    let prefix = full.strip_prefix(short).is_some_and(|rest| rest.starts_with(' ') || rest.starts_with(','));
    let suffix = full.strip_suffix(short).is_some_and(|rest| rest.ends_with(' '));
    prefix || suffix
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(rows: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
        rows.iter().map(|(c, n)| (c.to_string(), n.iter().map(|s| s.to_string()).collect())).collect()
    }

    #[test]
    fn picks_short_forms_but_not_abbreviations_or_ambiguous_names() {
        let n = names(&[
            ("US", &["United States of America", "United States", "USA", "US"]),
            ("CN", &["People's Republic of China", "China"]),
            ("KR", &["South Korea", "Korea, Republic of", "Republic of Korea"]),
            ("GB", &["United Kingdom", "UK", "Great Britain"]),
            ("CD", &["Democratic Republic of the Congo", "Congo"]),
            ("CG", &["Republic of the Congo", "Congo"]),
        ]);
        let p = pick_names(&n, &[]);
        assert_eq!(p["US"], "United States");
        assert_eq!(p["CN"], "China");
        assert_eq!(p["KR"], "South Korea");
        assert_eq!(p["GB"], "United Kingdom");
        assert_eq!(p["CD"], "Democratic Republic of the Congo");
        assert_eq!(p["CG"], "Republic of the Congo");
    }
}
