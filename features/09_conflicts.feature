@scenario-9 @uat-5.10 @normal @role-employee @role-compliance @allure.owner:QA
Feature: Scenario 9 — Firm-trading conflicts are flagged for compliance, never blocked
  When the firm itself holds a position in the security, the request is flagged for compliance as an advisory
  conflict; it is not refused. The plan runs this scenario only where conflict detection is implemented:
  where the target declares it is not, the scenario is reported as skipped with that reason.

  Background:
    Given the target declares firm-trading conflict detection

  Scenario: A request in a security the firm trades is flagged but goes ahead
    When the employee asks the bot to buy 20 NVDA worth about 3600 USD
    And the employee confirms the request
    Then the bot tells the employee the request is flagged for compliance as advisory
    And the request is stored as "pending_manager" with a conflict flag
    And compliance sees the request among the open conflicts on the dashboard

  Scenario: A request in a security the firm does not hold is not flagged
    When the employee asks the bot to buy 5 GOOGL worth about 900 USD
    And the employee confirms the request
    Then the request is stored as "pending_manager" without a conflict flag
