@scenario-3 @uat-5.4 @critical @role-employee @role-manager @role-compliance @allure.owner:QA
Feature: Scenario 3 — Compliance gives the final approval
  After the manager, compliance decides. Approval makes the request approved: the employee may trade and
  must do so within two days.

  Background:
    Given the employee has a request to buy 100 AAPL approved by their manager

  Scenario: Compliance approves and the employee may trade
    When compliance approves the request
    Then the message compliance clicked now says they approved the request
    # plan 5.4: "Confirm PADRequest status = 'approved'"
    And the request is stored as "approved"
    # plan 5.4: "Confirm compliance PADApproval created" and "Confirm both approvals exist"
    And the request has these approvals:
      | approval_type | decision | approver   |
      | manager       | approved | manager    |
      | compliance    | approved | compliance |
    And the audit log records "compliance_approved" by compliance for the request
    And the employee is told the request is approved and must be traded within two days
    And the employee sees the request as "approved" on the dashboard

  Scenario: The manager cannot also give the compliance approval
    When the manager sends a genuinely signed compliance approval click for the request
    Then the manager is told the decision is not theirs to make
    And the request is stored as "pending_compliance"
