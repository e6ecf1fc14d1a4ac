// The same run read rule by rule (reports/allure-report/by-rule/index.html): every scenario grouped under the
// workflow rule its @rule tag names, so a product owner sees each rule's allowed, refused and boundary cases
// together, wherever in the ten features they sit. No history: trends live in the main report.
import { defineConfig } from "allure";
import main from "./allurerc.mjs";

export default defineConfig({
  ...main,
  name: "PA dealing UAT — by workflow rule",
  historyPath: undefined,
  plugins: {
    awesome: {
      options: { ...main.plugins.awesome.options, reportName: "PA dealing UAT — by workflow rule", groupBy: ["rule", "feature"] },
    },
  },
});
