@scenario-5 @uat-5.6 @critical @role-employee @role-manager @role-compliance @allure.owner:QA
Feature: Scenario 5 — A request is rejected
  A rejection, by the manager or by compliance, ends the request: the employee is told, nobody is asked to
  decide on it afterwards, and it can be neither approved nor traded.

  @rule:rejection-ends-the-request @rule:one-audit-row-per-step @rule:decisions-in-order @rule:decisions-keep-their-reasons
  Scenario: The manager rejects the request
    Given the employee has submitted a request to buy 250 NFLX worth about 95000 USD
    When the manager rejects the request
    # checklist 5.2a
    Then the message the manager clicked now says they rejected the request
    # A request the manager rejected cannot be approved afterwards from the same message
    And the message the manager clicked offers no Approve or Reject button any more
    # checklist 5.2b, 5.Va, 5.Q1 — plan 5.6: "Confirm PADApproval shows rejection"; its comments hold the reason given
    And the manager's rejection of the request is recorded with the comment "Trade size too large for current market conditions"
    # checklist 5.Vb, 5.Q2 — plan 5.6: "Confirm PADRequest status = 'rejected'"
    And the request is stored as rejected
    # checklist 5.Vc, 5.Q3
    And the audit log records the manager's rejection by the manager for the request
    # checklist 5.Vd
    And the employee is told their manager rejected the request, with the reason
    And compliance was never asked about the request
    And the employee sees the request as rejected on the dashboard

  @rule:rejection-ends-the-request @rule:one-audit-row-per-step
  Scenario: Compliance rejects a request the manager approved
    Given the employee has a request to buy 250 NFLX approved by their manager
    When compliance rejects the request
    Then the message compliance clicked now says they rejected the request
    And the message compliance clicked offers no Approve or Reject button any more
    And the request has these approvals:
      | stage      | decision | by         |
      | manager    | approved | manager    |
      | compliance | rejected | compliance |
    And the request is stored as rejected
    And the audit log records compliance's rejection by compliance for the request
    And the employee is told compliance rejected the request
    And the employee sees the request as rejected on the dashboard

  # Checklist 5.2: "Bot asks for rejection reason (required)".
  @rule:decisions-keep-their-reasons
  Scenario: A rejection without a reason is not taken
    Given the employee has submitted a request to buy 250 NFLX worth about 95000 USD
    When the manager rejects the request giving no reason
    Then the manager is told a reason is needed to reject
    And no approval is recorded for the request
    And the request is stored as waiting for their manager
