@preflight @uat-2.2 @normal @allure.owner:QA
Feature: Preflight 2.2 — tables in padealing the application does not know are reported
  The plan found an unexplained active_stocks table on dev; its migration status calls it "empty, safe to drop" and
  the schema contract now describes it, as one of dev's 13 tables. Any other table in padealing that the schema
  contract does not describe is named here so someone decides whether to keep it.

  Scenario: Every table in padealing is one the application knows
    When the tables of schema padealing are listed
    Then every table is described by the schema contract or is a migration journal
