// Writes a copy of initiative.json with every office, group, event and organisation repeated
// FACTOR times (ids suffixed -2 … -FACTOR). Countries are kept as they are: their codes are
// unique, so the priority countries stay the same nine and every copy keeps pointing at them.
// Organisation references (office.organisation, organisation.member_of) point at the copy with
// the same suffix, so every reference stays valid.
//
// Usage: node bench/scale-dataset.mjs IN.json OUT.json FACTOR
import { readFileSync, writeFileSync } from "node:fs";

const [input, output, factorArg] = process.argv.slice(2);
const factor = Number(factorArg);
if (!input || !output || !Number.isInteger(factor) || factor < 1) {
  console.error("usage: node scale-dataset.mjs IN.json OUT.json FACTOR");
  process.exit(2);
}

const data = JSON.parse(readFileSync(input, "utf8"));
const suffix = (id, copy) => (copy === 1 ? id : `${id}-${copy}`);

function repeat(records, copyRecord) {
  const out = [];
  for (let copy = 1; copy <= factor; copy++) {
    for (const record of records ?? []) out.push(copyRecord(structuredClone(record), copy));
  }
  return out;
}

const scaled = {
  ...data,
  countries: data.countries,
  organisations: repeat(data.organisations, (o, copy) => {
    o.id = suffix(o.id, copy);
    if (Array.isArray(o.member_of)) o.member_of = o.member_of.map((id) => suffix(id, copy));
    return o;
  }),
  offices: repeat(data.offices, (o, copy) => {
    o.id = suffix(o.id, copy);
    if (o.organisation) o.organisation = suffix(o.organisation, copy);
    return o;
  }),
  groups: repeat(data.groups, (g, copy) => ((g.id = suffix(g.id, copy)), g)),
  events: repeat(data.events, (e, copy) => ((e.id = suffix(e.id, copy)), e)),
};

writeFileSync(output, JSON.stringify(scaled));
