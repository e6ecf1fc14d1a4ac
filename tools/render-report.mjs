// Renders the Allure report of one run at one path, always that run's:
//   node tools/render-report.mjs <results dir> <report dir> <history file> [--new-run]
// The report folder is emptied first (Allure 3 otherwise writes a second render beside the first, and index.html
// keeps showing the old run). Only a render that follows a real run (--new-run) adds a point to the history; a
// re-render (after a sign-off, a --verify, `./uat report`) leaves the history as it found it, so trends and flaky
// marks count runs, not renders. The awesome plugin's analytics script is removed: the report loads nothing from
// outside, and a render that would is refused.
import { execFile } from "node:child_process";
import { copyFile, readFile, rm, stat, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { promisify } from "node:util";

const [resultsDir, reportDir, historyFile, flag] = process.argv.slice(2);
if (!resultsDir || !reportDir || !historyFile) {
  console.error("usage: node tools/render-report.mjs <results dir> <report dir> <history file> [--new-run]");
  process.exit(2);
}
const newRun = flag === "--new-run";
const exists = (path) => stat(path).then(() => true, () => false);

await rm(reportDir, { recursive: true, force: true });
const hadHistory = await exists(historyFile);
const kept = `${historyFile}.before-render`;
if (!newRun && hadHistory) await copyFile(historyFile, kept);
const generate = (config, output, env) =>
  promisify(execFile)(resolve("node_modules/.bin/allure"), ["generate", resultsDir, "--output", output, "--config", resolve(config)], {
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
try {
  await generate("allurerc.mjs", reportDir, { ALLURE_HISTORY_PATH: historyFile });
  // The same results read rule by rule, inside the report folder so the two travel together.
  await generate("allurerc.by-rule.mjs", resolve(reportDir, "by-rule"), {});
} catch (e) {
  console.error(`allure generate failed: ${(e.stderr || e.message).trim()}`);
  process.exitCode = 1;
} finally {
  if (!newRun) {
    if (hadHistory) await copyFile(kept, historyFile);
    else await rm(historyFile, { force: true });
    await rm(kept, { force: true });
  }
}
if (process.exitCode) process.exit(process.exitCode);

// Both renders load nothing from outside: the analytics script is removed, and a render that would is refused.
for (const index of [resolve(reportDir, "index.html"), resolve(reportDir, "by-rule", "index.html")]) {
  const html = (await readFile(index, "utf8")).replace(
    /<script async src="https:\/\/www\.googletagmanager\.com[^"]*"><\/script>\s*<script>[\s\S]*?gtag\('config'[\s\S]*?<\/script>/,
    "",
  );
  const external = [...html.matchAll(/<(?:script|link|img)[^>]+(?:src|href)="(https?:)?\/\/[^"]+"/g)].map((m) => m[0]);
  if (external.length > 0) {
    console.error(`the report would load from outside: ${external.join(", ")}`);
    process.exit(1);
  }
  await writeFile(index, html);
}
await writeFile(resolve(reportDir, "tests.html"), await readFile(resolve(reportDir, "index.html")));
await rm(resolve(reportDir, "index.html"));
