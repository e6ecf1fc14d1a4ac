@preflight @uat-2.2 @normal @allure.owner:QA
Feature: Preflight 2.2 — tables in padealing the application does not know are reported
  The plan found an unexplained active_stocks table on dev. Any table in padealing that the schema
  contract does not describe is named here so someone decides whether to keep it.

  Scenario: Every table in padealing is one the application knows
    When the tables of schema padealing are listed
    Then every table is described by the schema contract or is a migration journal
