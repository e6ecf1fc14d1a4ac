@scenario-6 @uat-5.7 @critical @role-employee @role-manager @allure.owner:QA
Feature: Scenario 6 — The employee withdraws a request
  An employee may withdraw a request that is not executed. It becomes withdrawn and is soft-deleted: kept,
  with when and by whom.

  Scenario: The employee withdraws a request their manager has approved
    Given the employee has a request to buy 100 AAPL approved by their manager
    When the employee withdraws the request
    Then the bot confirms the request is withdrawn
    # plan 5.7: "Confirm PADRequest status = 'withdrawn'"
    And the request is stored as "withdrawn"
    # plan 5.7: "Confirm soft delete fields set (deleted_at, deleted_by_id)"
    And the request is soft-deleted by the employee
    And the audit log records "request_withdrawn" by the employee for the request
    And compliance sees on the dashboard that the employee withdrew the request

  Scenario: An executed request cannot be withdrawn
    Given the employee has a request for 100 AAPL approved 1 hours ago
    And the employee has executed it
    When the employee withdraws the request
    Then the bot refuses because the request is executed
    And the request is stored as "executed"

  Scenario: A colleague cannot withdraw the employee's request
    Given the employee has submitted a request to buy 100 AAPL worth about 18000 USD
    When a colleague tries to withdraw the request
    Then the bot refuses the colleague because it is not their request
    And the request is stored as "pending_manager"
