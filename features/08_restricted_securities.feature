@scenario-8 @uat-5.9 @blocker @role-employee @role-compliance @allure.owner:QA
Feature: Scenario 8 — A restricted security cannot be requested
  Compliance keeps a restricted list. A request for a restricted security is refused with the reason,
  nothing is created, and the refused attempt is audited.

  Background:
    # plan 5.1: "Add restricted security for testing"
    Given compliance has put TSLA on the restricted list because "Test restriction for UAT"

  Scenario: The employee is refused a trade in a restricted security
    When the employee asks the bot to buy 10 TSLA worth about 2500 USD
    And the employee confirms the request
    # plan 5.9: "Verify restriction detected and blocked"
    Then the bot tells the employee TSLA is restricted because "Test restriction for UAT"
    # plan 5.9: "Verify no PADRequest created"
    And no request is stored for the employee
    # plan 5.9: "Verify audit log entry"
    And the audit log records the refused attempt on TSLA by the employee
    And compliance sees TSLA on the dashboard's restricted list
