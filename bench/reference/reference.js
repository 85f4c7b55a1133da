// The reference page: the dataset on jsvectormap's world map (priority countries selected) and
// every entry as a plain HTML list, with a plain search box and a details panel on click.
"use strict";
(async function () {
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  const esc = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  const link = (url, label) => (url && url.startsWith("https://") ? ` <a href="${esc(url)}" rel="noopener">${label}</a>` : "");

  const data = await (await fetch("data/initiative.json", { cache: "no-cache" })).json();
  const entries = [];
  for (const c of data.countries) entries.push({ name: names.of(c.code), countries: [c.code], kind: "Country", text: c.summary.en });
  for (const o of data.offices) entries.push({ name: o.name.en, countries: [o.country], kind: o.kind === "scout" ? "Scouts" : "Office", place: o.city.en, text: o.description.en, url: o.website });
  for (const g of data.groups) entries.push({ name: g.name.en, countries: g.countries, kind: "LinkedIn group", text: g.description.en, url: g.url });
  for (const o of data.organisations) entries.push({ name: o.name.en, countries: [], kind: "Organisation", place: "Sweden", text: o.description.en, url: o.website });
  for (const e of entries) e.haystack = [e.name, e.place, e.text, ...e.countries.map((c) => names.of(c))].join(" ").toLowerCase();

  const card = (e) => `<li><h3>${esc(e.name)}</h3><p class="meta">${esc(e.kind)} · ${esc(e.place ?? e.countries.map((c) => names.of(c)).join(", "))}</p><p>${esc(e.text)}${link(e.url, "Website")}</p></li>`;

  const directory = document.getElementById("directory");
  directory.innerHTML = `<h2 id="directory-heading">Directory</h2>
    <label for="search">Search</label> <input id="search" type="search" autocomplete="off">
    <p id="count" role="status">${entries.length} entries</p>
    <ul id="entries">${entries.map(card).join("")}</ul>`;
  const items = [...document.querySelectorAll("#entries > li")];
  const count = document.getElementById("count");
  document.getElementById("search").addEventListener("input", (ev) => {
    const q = ev.target.value.trim().toLowerCase();
    let shown = 0;
    entries.forEach((e, i) => {
      const hit = e.haystack.includes(q);
      items[i].hidden = !hit;
      shown += hit;
    });
    count.textContent = `${shown} entries`;
  });

  const details = document.getElementById("details");
  function showDetails(code) {
    const here = entries.filter((e) => e.countries.includes(code));
    details.innerHTML = `<section><h2 id="details-heading">${esc(names.of(code))}</h2><ul>${here.map(card).join("")}</ul></section>`;
  }

  new jsVectorMap({
    selector: "#map",
    map: "world",
    selectedRegions: data.countries.map((c) => c.code),
    onRegionClick: (_event, code) => showDetails(code),
  });
})();
