// Allure 3 report configuration for PadUat, rendered by tools/render-report.mjs. History is kept between runs
// (ALLURE_HISTORY_PATH, default reports/history.jsonl) so trends and flaky marks show; one point per real run.
import { defineConfig } from "allure";

// The harness's own words for an infrastructure failure (unreachable target, missing browser or secret, timeouts).
const infrastructure = /Cannot reach|Chromium not found|PostgreSQL|timed out|Timeout|connection refused|missing secret|: missing|SLACK_RESPONSE_URL_BASE/;

export default defineConfig({
  name: "PA dealing UAT — PadUat",
  output: "./reports/allure-report",
  historyPath: process.env.ALLURE_HISTORY_PATH ?? "./reports/history.jsonl",
  historyLimit: 30,
  // Allure 3 reads categories from here, not from categories.json: a product owner sees product defects apart
  // from problems of the test or of the infrastructure, and what does not apply to the target.
  categories: {
    rules: [
      { id: "not-applicable", name: "Not applicable to this target", matchers: { statuses: ["skipped"] }, expand: true },
      { id: "infrastructure", name: "Infrastructure problems", matchers: { statuses: ["broken"], message: infrastructure }, expand: true },
      { id: "product", name: "Product defects", matchers: { statuses: ["failed"] }, expand: true },
      { id: "test", name: "Test defects", matchers: { statuses: ["broken"] }, expand: true },
      // On a green run too: what changed since the last run, what is not to be trusted yet, and what was confirmed.
      { id: "fixed", name: "Fixed since the last run", matchers: { statuses: ["passed"], transitions: ["fixed"] }, expand: true },
      { id: "flaky", name: "Passed, but failed in a recent run (flaky)", matchers: { statuses: ["passed"], flaky: true }, expand: true },
      { id: "confirmed", name: "Confirmed by this run, by severity", matchers: { statuses: ["passed"] }, groupBy: ["severity"] },
    ],
  },
  plugins: {
    awesome: {
      options: {
        reportName: "PA dealing UAT — PadUat",
        singleFile: false,
        reportLanguage: "en",
        groupBy: ["parentSuite", "feature"],
      },
    },
  },
});
