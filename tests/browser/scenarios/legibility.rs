//! The map for every visitor (issue #27): the selected country's name and the markers never hide
//! each other at any width, a country reached with the keyboard is brought into view with its
//! tooltip inside the map, and every country on the map says what it is.

use crate::check;
use crate::page::{Page, TestResult};

/// Selects each priority country in turn (as a click on it does) and measures, in CSS px, what
/// covers what: a marker over another, the name over another country's marker, the name beyond
/// the map. Returns the problems found.
const MEASURE_EVERY_SELECTION: &str = r#"
const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
const rect = (e) => e.getBoundingClientRect();
const at = (r) => `${r.left.toFixed(1)}–${r.right.toFixed(1)} × ${r.top.toFixed(1)}–${r.bottom.toFixed(1)}`;
const meets = (a, b, slack) => a.left < b.right - slack && b.left < a.right - slack && a.top < b.bottom - slack && b.top < a.bottom - slack;
const problems = [];
const map = rect(document.querySelector('.map'));
const countries = [...document.querySelectorAll('.map [id^="map-country-"]')];
for (const country of countries) {
  country.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  const name = country.getAttribute('aria-label');
  let label = null;
  for (let i = 0; i < 20 && !(label && label.textContent === name); i++) {
    await frame();
    label = document.querySelector('.selected-label text');
  }
  if (!label || label.textContent !== name) { problems.push(`${name}: no name shown beside its marker`); continue; }
  const box = rect(label);
  if (box.left < map.left - 1 || box.right > map.right + 1 || box.top < map.top - 1 || box.bottom > map.bottom + 1) {
    problems.push(`${name}: its name (${at(box)}) leaves the map (${at(map)})`);
  }
  const markers = countries.map((c) => [c.getAttribute('aria-label'), rect(c.querySelector('.marker'))]);
  for (const [other, marker] of markers) {
    if (other !== name && meets(box, marker, 0.5)) problems.push(`${name}: its name (${at(box)}) covers ${other}'s marker (${at(marker)}); map ${at(map)}, ${label.parentNode.innerHTML}`);
  }
  for (let i = 0; i < markers.length; i++) {
    for (let j = i + 1; j < markers.length; j++) {
      const [a, ra] = markers[i], [b, rb] = markers[j];
      const apart = Math.hypot((ra.left + ra.right - rb.left - rb.right) / 2, (ra.top + ra.bottom - rb.top - rb.bottom) / 2);
      const needed = ra.width / 2 + rb.width / 2 + 1;
      if (apart < needed) problems.push(`${name} selected: ${a}'s and ${b}'s markers overlap (${apart.toFixed(1)} px apart, ${needed.toFixed(1)} needed)`);
    }
  }
}
return [...new Set(problems)];
"#;

async fn names_and_markers_never_hide_each_other(page: &Page) -> TestResult {
    page.open_ready("").await?;
    for (width, height) in [(1280, 900), (390, 844), (320, 700)] {
        page.resize(width, height).await?;
        page.after_paint().await?;
        let problems = page.js(&format!("return (async () => {{ {MEASURE_EVERY_SELECTION} }})();")).await?;
        let problems: Vec<&str> = problems.as_array().into_iter().flatten().filter_map(|p| p.as_str()).collect();
        if !problems.is_empty() {
            let _ = page.screenshot(&format!("legibility-{width}")).await;
        }
        check!(problems.is_empty(), "at {width} px: {problems:#?}");
    }
    Ok(())
}

/// Focus Japan, zoom in twice, then → (which goes round to the United States, far to the west):
/// the map pans to it, and its tooltip lies inside the map.
async fn keyboard_focus_brings_the_country_into_view(page: &Page) -> TestResult {
    page.open_ready("").await?;
    page.js("document.getElementById('map-country-JP').focus(); return true").await?;
    check!(page.focused_label().await? == "Japan", "Japan has focus");
    page.keys("++").await?;
    page.wait(".map.zoomed").await?;
    page.keys("\u{e014}").await?; // ArrowRight
    check!(page.focused_label().await? == "United States", "→ from Japan reaches {:?}", page.focused_label().await?);
    page.after_paint().await?;
    let seen = page
        .wait_js(
            "(() => { const map = document.querySelector('.map').getBoundingClientRect();
               const marker = document.querySelector('#map-country-US .marker').getBoundingClientRect();
               const tip = document.getElementById('map-tooltip');
               if (tip.hidden) return false;
               const t = tip.getBoundingClientRect();
               const inside = (r) => r.left >= map.left - 0.5 && r.right <= map.right + 0.5 && r.top >= map.top - 0.5 && r.bottom <= map.bottom + 0.5;
               return JSON.stringify({ marker: inside(marker), tooltip: inside(t), text: tip.textContent }); })()",
        )
        .await?;
    let seen: serde_json::Value = serde_json::from_str(seen.as_str().unwrap_or("{}"))?;
    check!(seen["marker"] == true, "the United States' marker is off the map after → : {seen}");
    check!(seen["tooltip"] == true, "its tooltip is cut off by the map's edge: {seen}");
    check!(seen["text"].as_str().is_some_and(|t| t.starts_with("United States")), "the tooltip names it: {seen}");
    Ok(())
}

/// Each country on the map: a button with its name, described as a priority country with who
/// is there, and, when the filters leave it out, as outside them; the focus tooltip says the
/// same.
async fn each_country_on_the_map_says_what_it_is(page: &Page) -> TestResult {
    page.open_ready("").await?;
    let description = |code: &str| {
        format!(
            "(() => {{ const e = document.getElementById('map-country-{code}');
                 return (e.getAttribute('aria-describedby') || '').split(' ').filter(Boolean)
                   .map((id) => document.getElementById(id)).map((d) => d ? d.textContent : '#missing').join(' '); }})()"
        )
    };
    for (code, name) in [("JP", "Japan"), ("IL", "Israel"), ("US", "United States")] {
        let said = page.js(&format!("return {};", description(code))).await?;
        // Hidden (another country's details show), so read as text, not as shown.
        let summary = page.js(&format!("return document.querySelector('#details-{code} .summary').textContent")).await?;
        let summary = summary.as_str().unwrap_or("").to_string();
        check!(
            said.as_str().is_some_and(|s| s.starts_with("Priority country.") && s.contains(&summary) && !summary.is_empty()),
            "{name} on the map is described as {said}; its summary is {summary:?}"
        );
        check!(!said.as_str().unwrap_or("").contains("Outside"), "{name} is not outside the filters yet: {said}");
    }
    page.js("const s = document.getElementById('search'); s.value = 'seoul'; s.dispatchEvent(new Event('input', { bubbles: true })); return true")
        .await?;
    page.wait("#map-country-JP.dimmed").await?;
    let japan = page.wait_js(&format!("{}.includes('Outside the current filters.') && {}", description("JP"), description("JP"))).await?;
    let korea = page.js(&format!("return {};", description("KR"))).await?;
    check!(!korea.as_str().unwrap_or("").contains("Outside"), "South Korea matches 'seoul' yet is described as {korea}");
    page.js("document.getElementById('map-country-JP').focus(); return true").await?;
    let tip = page.wait_text("#map-tooltip", |t| t.starts_with("Japan")).await?;
    let expected = format!("Japan{}", japan.as_str().unwrap_or(""));
    check!(
        tip.split_whitespace().collect::<String>() == expected.split_whitespace().collect::<String>(),
        "the focus tooltip says {tip:?}, the description {japan}"
    );
    Ok(())
}

crate::scenarios!(
    names_and_markers_never_hide_each_other,
    keyboard_focus_brings_the_country_into_view,
    each_country_on_the_map_says_what_it_is,
);
