@scenario-3 @uat-5.4 @critical @role-employee @role-manager @role-compliance @allure.owner:QA
Feature: Scenario 3 — Compliance gives the final approval
  After the manager, compliance decides. Approval makes the request approved: the employee may trade and
  must do so within two days. Only compliance is asked, once the manager has approved, and decides once.

  @rule:compliance-decides-last @rule:one-audit-row-per-step @rule:decisions-in-order @rule:parties-told
  Scenario: Compliance approves and the employee may trade
    Given the employee has a request to buy 100 AAPL approved by their manager
    When compliance approves the request
    # checklist 3.3a
    Then the message compliance clicked now says they approved the request
    And the message compliance clicked offers no Approve or Reject button any more
    # checklist 3.Vb, 3.Q2 — plan 5.4: "Confirm PADRequest status = 'approved'"
    And the request is stored as approved
    # checklist 3.Va, 3.Vc, 3.Q1, 3.Q3 — plan 5.4: "Confirm compliance PADApproval created" and "Confirm both approvals exist"
    And the request has these approvals:
      | stage      | decision | by         |
      | manager    | approved | manager    |
      | compliance | approved | compliance |
    # checklist 3.Vd, 3.Q4 — the implementation's audit row for the approval (the checklist's query also expects a status_changed row)
    And the audit log records compliance's approval by compliance for the request
    # checklist 3.4a
    And the employee is told the request is approved and must be traded within two days
    # checklist 3.4b, 3.4c — "Manager received FYI notification", saying it is approved and ready for execution
    And the manager is told, for information, that the request is approved and ready for execution
    And the employee sees the request as approved on the dashboard

  # Checklist 3.3: "Compliance comments captured" — written in the box on the approval request, read with the click.
  @rule:decisions-keep-their-reasons
  Scenario: Compliance's comment on its approval is kept with the decision
    Given the employee has a request to buy 100 AAPL approved by their manager
    When compliance approves the request with the comment "Approved - no conflicts identified"
    # checklist 3.3b
    Then compliance's approval of the request is recorded with the comment "Approved - no conflicts identified"
    And the request is stored as approved
