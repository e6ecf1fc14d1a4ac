@scenario-2 @uat-5.3 @critical @role-employee @role-manager @allure.owner:QA
Feature: Scenario 2 — The employee's manager approves the request in Slack
  The manager is sent the request with Approve and Reject buttons. Approval records the manager's decision
  and passes the request to compliance. Only the employee's own manager decides, only while the request waits
  for them, and only once.

  @rule:manager-decides-first @rule:one-audit-row-per-step @rule:segregation-of-duties @rule:decisions-in-order
  Scenario: The manager approves and the request moves on to compliance
    Given the employee has submitted a request to buy 100 AAPL worth about 18000 USD
    # checklist 2.1a, 2.1b, 2.2b, 5.1a — plan 5.3: "Confirm notifications sent": the manager is asked, the trade described, Approve and Reject offered
    Then the manager is asked in Slack to decide on the request
    # checklist 2.2a — the real card's fields (the implementation's; the checklist also lists price, broker and account)
    And the message asking the manager to decide shows the employee, the security with its description, the trade with its value, its risk and the employee's reason
    # In Slack a decision can only be clicked by someone who was sent it: this keeps a colleague, compliance or the
    # employee from deciding for the manager.
    And no one but the manager is asked to decide for the manager
    When the manager approves the request
    # The manager sees the decision recorded on the message they clicked (the bot answers the click in Slack),
    # which keeps no button to decide a second time
    # checklist 2.3a
    Then the message the manager clicked now says they approved the request
    And the message the manager clicked offers no Approve or Reject button any more
    # checklist 2.Va, 2.Q1 — plan 5.3: "Confirm PADApproval created"
    And the manager's approval of the request is recorded
    # checklist 2.Vb, 2.Q2 — plan 5.3: "Confirm PADRequest status updated"
    And the request is stored as waiting for compliance
    # checklist 2.Vc, 2.Q3 — the implementation's audit row for the approval (the checklist's query also expects a status_changed row)
    And the audit log records the manager's approval by the manager for the request
    # checklist 2.4b — plan 5.3: "Confirm notifications sent": employee and compliance hear of it
    And the employee is told their manager approved the request
    # checklist 2.4a, 2.4c, 3.1a, 3.1b, 3.2d — compliance is asked, where the target says, the trade described
    And compliance is asked in Slack to decide on the request
    # checklist 3.2a, 3.2c
    And the message asking compliance to decide shows the employee, the security with its description, the trade with its value, its risk and the employee's reason
    # checklist 3.2b
    And the message asking compliance to decide shows the manager's approval
    And compliance sees the request as waiting for compliance on the dashboard
    And no one but compliance is asked to decide for compliance

  # Checklist 2.3: "Approval comments captured" — written in the box on the approval request, read with the click.
  @rule:decisions-keep-their-reasons
  Scenario: The manager's comment on an approval is kept with the decision
    Given the employee has submitted a request to buy 100 AAPL worth about 18000 USD
    When the manager approves the request with the comment "Approved - reasonable diversification trade"
    # checklist 2.3b
    Then the manager's approval of the request is recorded with the comment "Approved - reasonable diversification trade"
    And the request is stored as waiting for compliance

  # Who is asked at all depends on the value, against the target's own thresholds (compliance_config): below the medium
  # one nobody (when auto-approval is on), from it the manager then compliance, from the high one also the SMF16 approver
  # (e2e_test_scenarios.md:20-145). The values are read from the target, never written here.
  @rule:risk-routing
  Scenario: A request worth just under the medium threshold is approved without anyone deciding
    Given the target approves low-risk requests automatically
    When the employee asks the bot to buy 10 AAPL worth just under the medium threshold
    And the employee confirms the request
    Then the employee is told the request is approved and must be traded within two days
    And the request is stored as approved
    And no approval is recorded for the request
    And the manager was never asked about the request

  @rule:risk-routing
  Scenario: A request worth exactly the medium threshold waits for the manager
    When the employee asks the bot to buy 10 AAPL worth exactly the medium threshold
    And the employee confirms the request
    Then the bot tells the employee the request is submitted and waiting for their manager
    And the request is stored as waiting for their manager
    And the manager is asked in Slack to decide on the request

  @rule:risk-routing
  Scenario: A request worth the high threshold needs the SMF16 approver after compliance
    When the employee asks the bot to buy 10 AAPL worth exactly the high threshold
    And the employee confirms the request
    And the manager approves the request
    And compliance approves the request
    Then the request is stored as waiting for the SMF16 approver
    And the employee is told compliance approved the request

  # A decision is taken once, wherever it is made. The application's API takes the manager's decline too (POST
  # /api/requests/{id}/decline with approval_type "manager" and a reason: T/e2e_uat_audit_20251229/e2e_test_scenarios.md:403-425);
  # the Slack message that asked the manager is still there, and its Approve must decide nothing.
  @rule:decisions-in-order
  Scenario: The manager's click on a request they declined through the application's API decides nothing
    Given the employee has submitted a request to buy 100 AAPL worth about 18000 USD
    When the manager declines the request through the application's API because "Declined before reading Slack"
    Then the API accepts the decline
    When the manager approves the request
    Then the manager is told, where asked, why the click decides nothing
    And the request has these approvals:
      | stage   | decision | by      |
      | manager | rejected | manager |
