@scenario-5 @uat-5.6 @critical @role-employee @role-manager @allure.owner:QA
Feature: Scenario 5 — A request is rejected
  A manager's rejection ends the request: it is never sent to compliance, and nobody can approve it later.

  Background:
    Given the employee has submitted a request to buy 250 NFLX worth about 95000 USD

  Scenario: The manager rejects the request
    When the manager rejects the request
    Then the message the manager clicked now says they rejected the request
    # plan 5.6: "Confirm PADApproval shows rejection"
    And a "manager" approval with decision "rejected" by the manager is recorded for the request
    # plan 5.6: "Confirm PADRequest status = 'rejected'"
    And the request is stored as "rejected"
    And the audit log records "manager_rejected" by the manager for the request
    And the employee is told their manager rejected the request
    And compliance was never asked about the request
    And the employee sees the request as "rejected" on the dashboard

  Scenario: A rejected request cannot be approved afterwards
    When the manager rejects the request
    And the manager approves the same request again
    Then the manager is told the decision is not theirs to make
    And the request is stored as "rejected"
