// Checks every capability of a TypeScript module gen wrote, compiled to
// CommonJS, against gen's JSON output for the same registry and the
// registry's own data (its YAML, converted to JSON):
//   node check_lookup.js MODULE.js REGISTRY.json DATA.json
// ALL_CODES, statusText, is<Registry>Code, classOf, is<Class>, is<Flag>
// (from DATA.json's flags), fromName and fromPhrase, at every code and
// name and phrase of the data, and at the edges: a code just outside
// each end, a gap, a code the module leaves out (unofficial), names and
// phrases in other ASCII cases, non-ASCII look-alikes that only a
// Unicode fold would match, unknown and empty strings.  Exits 1 on a
// failure.
"use strict";
const fs = require("fs");

const m = require(process.argv[2]);
const data = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const source = JSON.parse(fs.readFileSync(process.argv[4], "utf8"));

let failures = 0;
let checks = 0;
function same(got, want, what) {
  checks++;
  if (got !== want) {
    failures++;
    if (failures <= 20) {
      console.error("check_lookup: " + what + ": got " + show(got) +
          ", expected " + show(want));
    }
  }
}

// gen's keys fold A-Z only; so does this, independently of the module.
function fold(s) {
  return s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}
function upper(s) {
  return s.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 32));
}
// Every other ASCII letter upper case: "nOt_fOuNd".
function mixed(s) {
  let out = "";
  let n = 0;
  for (const c of s) {
    out += /[a-z]/i.test(c) ? (n++ % 2 ? upper(c) : fold(c)) : c;
  }
  return out;
}
// JSON with every non-ASCII character as \uXXXX, so that a look-alike
// shows as what it is.
function show(v) {
  return v === undefined ? "undefined" : JSON.stringify(v).replace(
      /[^\x20-\x7e]/g,
      (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}
function camel(id) {
  return id.split("_").map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join("");
}

// The statuses the code outputs hold, by code.
const statuses = data.statuses
    .filter((s) => s.status !== "unofficial" && !s.docs_only)
    .sort((a, b) => a.code - b.code);
const codes = statuses.map((s) => s.code);
const classes = data.classes;
function classOf(code) {
  const c = classes.find((k) => code >= k.first && code <= k.last);
  return c === undefined ? undefined : c.id;
}
const isCode = m["is" + camel(data.registry.name) + "Code"];
same(typeof isCode, "function", "is" + camel(data.registry.name) + "Code");

// Every code, ascending, each with its phrase and class.
same(Array.isArray(m.ALL_CODES), true, "ALL_CODES is an array");
same(JSON.stringify(m.ALL_CODES), JSON.stringify(codes), "ALL_CODES");
for (const s of statuses) {
  same(m.statusText(s.code), s.phrase, "statusText(" + s.code + ")");
  same(isCode(s.code), true, "isCode(" + s.code + ")");
  same(m.classOf(s.code), classOf(s.code), "classOf(" + s.code + ")");
}

// Codes that are not there: just outside each end, a gap, a fraction.
const probes = [];
if (codes.length > 0) {
  const first = codes[0];
  const last = codes[codes.length - 1];
  probes.push(first - 1, last + 1, first + 0.5, -1, NaN);
  let gap = first + 1;
  while (gap < last && codes.includes(gap)) {
    gap++;
  }
  if (gap < last) {
    probes.push(gap);
  }
}
for (const c of probes) {
  same(m.statusText(c), "", "statusText(" + c + ")");
  same(m.statusDescription(c), "", "statusDescription(" + c + ")");
  same(isCode(c), false, "isCode(" + c + ")");
  same(m.classOf(c), classOf(c), "classOf(" + c + ")");
}

// Each class predicate at every code, at the ends of every class and
// just outside them.
const around = codes.concat(probes);
for (const k of classes) {
  around.push(k.first - 1, k.first, k.last, k.last + 1);
}
for (const c of around) {
  same(m.classOf(c), classOf(c), "classOf(" + c + ")");
}
for (const k of classes) {
  const is = m["is" + camel(k.id)];
  same(typeof is, "function", "is" + camel(k.id));
  if (typeof is !== "function") {
    continue;
  }
  for (const c of around) {
    same(is(c), c >= k.first && c <= k.last, "is" + camel(k.id) + "(" + c + ")");
  }
}

// Each flag predicate: true at exactly the module's codes whose status
// lists the flag in the data; false at every other code, among them
// those the module leaves out and codes no status has.
const flagIds = (source.flags || []).map((f) => f.id);
const flagsOf = new Map();
for (const s of source.statuses) {
  flagsOf.set(s.code, s.flags || []);
}
const flagAround = around.concat(source.statuses.map((s) => s.code));
let flagged = 0;
for (const id of flagIds) {
  const is = m["is" + camel(id)];
  same(typeof is, "function", "is" + camel(id));
  if (typeof is !== "function") {
    continue;
  }
  for (const c of flagAround) {
    const want = codes.includes(c) && flagsOf.get(c).includes(id);
    same(is(c), want, "is" + camel(id) + "(" + c + ")");
  }
  flagged += codes.filter((c) => flagsOf.get(c).includes(id)).length;
}
// No predicate for a flag or class the data does not have.
const predicates = new Set(["is" + camel(data.registry.name) + "Code"]);
for (const id of flagIds.concat(classes.map((k) => k.id))) {
  predicates.add("is" + camel(id));
}
for (const key of Object.keys(m)) {
  if (/^is[A-Z]/.test(key) && typeof m[key] === "function") {
    same(predicates.has(key), true, key + " is exported");
  }
}

// Names: ids and aliases, in any ASCII case.
let aliases = 0;
const names = new Map();
for (const s of statuses) {
  names.set(s.id, s.code);
  for (const a of s.aliases) {
    names.set(a, s.code);
    aliases++;
  }
}
for (const [name, code] of names) {
  for (const n of [name, upper(name), mixed(name)]) {
    same(m.fromName(n), code, "fromName(" + show(n) + ")");
  }
  // U+212A KELVIN SIGN lower-cases to "k" under toLowerCase() only.
  if (name.includes("k")) {
    const n = upper(name).replace(/K/g, "\u212a");
    same(m.fromName(n), undefined, "fromName(" + show(n) + ")");
  }
}

// Phrases, now and earlier: a phrase two statuses have had finds the
// one that has it now, then the lowest code.
let earlier = 0;
const phrases = new Map();
function addPhrase(p, code, now) {
  const k = fold(p);
  const had = phrases.get(k);
  if (had === undefined || (now && !had.now)) {
    phrases.set(k, { code, now });
  }
}
for (const s of statuses) {
  addPhrase(s.phrase, s.code, true);
}
for (const s of statuses) {
  for (const h of s.history) {
    addPhrase(h.phrase, s.code, false);
    earlier++;
  }
}
for (const [key, { code }] of phrases) {
  for (const p of [key, upper(key), mixed(key)]) {
    same(m.fromPhrase(p), code, "fromPhrase(" + show(p) + ")");
  }
  // A Unicode fold would match these; gen's keys fold A-Z only.
  const look = [upper(key).replace(/K/g, "\u212a"),
    key.replace(/[^\0-\x7f]/g, (c) => c.toUpperCase() === c
      ? c.toLowerCase() : c.toUpperCase())];
  for (const p of look) {
    if (p !== key && p !== upper(key) && !phrases.has(fold(p))) {
      same(m.fromPhrase(p), undefined, "fromPhrase(" + show(p) + ")");
    }
  }
}

for (const s of ["", " ", "no such name", "no_such_name", "constructor",
  "__proto__", "toString"]) {
  same(m.fromName(s), undefined, "fromName(" + show(s) + ")");
  same(m.fromPhrase(s), undefined, "fromPhrase(" + show(s) + ")");
}
if (codes.length > 0) {
  const s = statuses[0];
  same(m.fromName(s.id + " "), undefined, "fromName with a space");
  same(m.fromName(" " + s.id), undefined, "fromName with a leading space");
  same(m.fromPhrase(s.phrase + "."), undefined, "fromPhrase with a dot");
}

if (failures > 0) {
  console.error("check_lookup: " + failures + " of " + checks + " failed");
  process.exit(1);
}
console.log(data.registry.name + ": " + checks + " checks, " +
    codes.length + " codes, " + names.size + " names (" + aliases +
    " aliases), " + phrases.size + " phrases (" + earlier + " earlier), " +
    flagIds.length + " flags (" + flagged + " flagged codes)");
