@scenario-3 @uat-5.4 @critical @role-employee @role-manager @role-compliance @allure.owner:QA
Feature: Scenario 3 — Compliance gives the final approval
  After the manager, compliance decides. Approval makes the request approved: the employee may trade and
  must do so within two days. Only compliance is asked, once the manager has approved, and decides once.

  @rule:compliance-decides-last @rule:one-audit-row-per-step @rule:decisions-in-order @rule:parties-told
  Scenario: Compliance approves and the employee may trade
    Given the employee has a request to buy 100 AAPL approved by their manager
    When compliance approves the request
    Then the message compliance clicked now says they approved the request
    And the message compliance clicked offers no Approve or Reject button any more
    # plan 5.4: "Confirm PADRequest status = 'approved'"
    And the request is stored as approved
    # plan 5.4: "Confirm compliance PADApproval created" and "Confirm both approvals exist"
    And the request has these approvals:
      | stage      | decision | by         |
      | manager    | approved | manager    |
      | compliance | approved | compliance |
    And the audit log records compliance's approval by compliance for the request
    And the employee is told the request is approved and must be traded within two days
    # checklist 3.4: "Manager received FYI notification"
    And the manager is told, for information, that the request is approved and ready for execution
    And the employee sees the request as approved on the dashboard
