// Summarises a Stryker.NET run of the UAT (`./uat mutate`):
//   node tools/mutation-summary.mjs <mutation-report.json>... <equivalent-mutants.tsv>
// Several reports (runs of disjoint parts of the code, e.g. on several machines) are summed.
// Prints the mutation score per area (workflow, bot, dashboard) and overall, then every mutant the features let
// live. A survivor listed in the equivalents file (with why no test could ever see it) is shown as such and left
// out of the "undeclared" count; any other survivor is a bug the UAT would let through: the exit code is 1.
import { readFile } from "node:fs/promises";

const reportPaths = process.argv.slice(2, -1);
const equivalentsPath = process.argv.at(-1);
if (reportPaths.length === 0) {
  console.error("usage: node tools/mutation-summary.mjs <mutation-report.json>... <equivalent-mutants.tsv>");
  process.exit(2);
}

// A mutant is named by its file, the trimmed source line it changes, the mutator and the replacement: stable
// across edits elsewhere in the file, unlike a line number.
const key = (file, line, mutator, replacement) => [file, line.trim(), mutator, replacement.replace(/\s+/g, " ").trim()].join("\t");

const equivalents = new Map();
for (const row of (await readFile(equivalentsPath, "utf8")).split("\n")) {
  if (!row.trim() || row.startsWith("#")) continue;
  const [file, line, mutator, replacement, why] = row.split("\t");
  if (!why) {
    console.error(`${equivalentsPath}: every row needs file, source line, mutator, replacement and why: ${row}`);
    process.exit(2);
  }
  equivalents.set(key(file, line, mutator, replacement), { why, used: false });
}

const areas = new Map();
const survivors = [];
// A declared equivalent is stale when this run tested it and it did not survive, when it no longer compiles, or when
// its file was tested and the line is gone; one the run left out (another file, a narrower --mutate) says nothing
// either way.
const tested = new Set();
const uncompilable = new Set();
const existing = new Set();
const testedFiles = new Set();
const files = [];
for (const reportPath of reportPaths) files.push(...Object.entries(JSON.parse(await readFile(reportPath, "utf8")).files));
for (const [path, file] of files) {
  const name = path.replace(/^.*sandbox\/PadSandbox\//, "");
  const source = file.source.split("\n");
  const area = name.split("/")[0].toLowerCase();
  const tally = areas.get(area) ?? { detected: 0, survived: 0, equivalent: 0, total: 0 };
  for (const m of file.mutants) {
    const line = source[m.location.start.line - 1] ?? "";
    existing.add(key(name, line, m.mutatorName, m.replacement ?? ""));
    if (m.status === "CompileError") uncompilable.add(key(name, line, m.mutatorName, m.replacement ?? ""));
    if (!["Killed", "Timeout", "Survived", "NoCoverage"].includes(m.status)) continue; // compile errors, ignored
    tested.add(key(name, line, m.mutatorName, m.replacement ?? ""));
    testedFiles.add(name);
    tally.total++;
    if (m.status === "Killed" || m.status === "Timeout") { tally.detected++; continue; }
    const equivalent = equivalents.get(key(name, line, m.mutatorName, m.replacement ?? ""));
    if (equivalent) { equivalent.used = true; tally.equivalent++; } else tally.survived++;
    survivors.push({ name, at: m.location.start.line, status: m.status, mutator: m.mutatorName, line: line.trim(),
      replacement: (m.replacement ?? "").replace(/\s+/g, " "), why: equivalent?.why });
  }
  areas.set(area, tally);
}

const pct = (n, d) => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)} %`);
console.log("Mutation score of the UAT (mutants the features detect, of those they could):");
let all = { detected: 0, survived: 0, equivalent: 0, total: 0 };
for (const [area, t] of [...areas].filter(([, t]) => t.total > 0).sort()) {
  console.log(`  ${area.padEnd(10)} ${pct(t.detected, t.total).padStart(8)}  (${t.detected}/${t.total}; without the ${t.equivalent} declared equivalent: ${pct(t.detected, t.total - t.equivalent)})`);
  for (const k of Object.keys(all)) all[k] += t[k];
}
console.log(`  ${"all".padEnd(10)} ${pct(all.detected, all.total).padStart(8)}  (${all.detected}/${all.total}; without the ${all.equivalent} declared equivalent: ${pct(all.detected, all.total - all.equivalent)})`);

const undeclared = survivors.filter((s) => !s.why);
if (survivors.length > 0) console.log("\nMutants the features let live:");
for (const s of survivors.sort((a, b) => a.name.localeCompare(b.name) || a.at - b.at))
  console.log(`  ${s.why ? "equivalent" : s.status.padEnd(10)} ${s.name}:${s.at} ${s.mutator}: ${s.line.slice(0, 100)}  =>  ${s.replacement.slice(0, 80)}` +
    (s.why ? `\n             why: ${s.why}` : ""));
for (const [k, e] of equivalents) if (!e.used && (tested.has(k) || uncompilable.has(k) || (testedFiles.has(k.split("\t")[0]) && !existing.has(k)))) console.log(`\nNo longer a survivor (remove from ${equivalentsPath}): ${k.split("\t").slice(0, 2).join(": ")}`);
if (undeclared.length > 0) {
  console.log(`\n${undeclared.length} mutant(s) survive that are not declared equivalent: a bug of that shape would pass the UAT.` +
    ` Add a check grounded in the plan, or declare it in ${equivalentsPath} with why no test can see it.`);
  process.exit(1);
}
