// Allure 3 report configuration for PadUat. History is kept in reports/ between runs so trends show.
import { defineConfig } from "allure";

export default defineConfig({
  name: "PA dealing UAT — PadUat",
  output: "./reports/allure-report",
  historyPath: "./reports/history.jsonl",
  historyLimit: 30,
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
