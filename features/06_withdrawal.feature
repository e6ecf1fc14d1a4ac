@scenario-6 @uat-5.7 @critical @role-employee @role-manager @allure.owner:QA
Feature: Scenario 6 — The employee withdraws a request
  An employee may withdraw their own request until it is executed. It becomes withdrawn and is soft-deleted:
  kept, with when and by whom. A request already executed, rejected or withdrawn cannot be, and nobody else
  can withdraw it; a refusal changes nothing.

  @rule:withdrawal-before-execution @rule:one-audit-row-per-step @rule:parties-told
  Scenario: The employee withdraws a request their manager has approved
    Given the employee has a request to buy 100 AAPL approved by their manager
    # The checklist's 6.1-6.3: the request's details, a reason ("Market conditions changed"), then "Withdraw Request"
    When the employee withdraws the request
    # checklist 6.1a, 6.1b — the request shown and the reason asked: it can be withdrawn
    Then the bot showed the employee the request and asked why they withdraw it
    # checklist 6.2b
    And the bot asked the employee to confirm the withdrawal, showing the reason they gave, with a button to withdraw the request
    # checklist 6.3a
    And the bot confirms the request is withdrawn
    # checklist 6.Va, 6.Q1 — plan 5.7: "Confirm PADRequest status = 'withdrawn'"
    And the request is stored as withdrawn
    # checklist 6.Vb, 6.Vc — plan 5.7: "Confirm soft delete fields set (deleted_at, deleted_by_id)"
    And the request is soft-deleted by the employee
    # checklist 6.Vd, 6.Q2
    And the audit log records the withdrawal by the employee for the request
    And compliance sees on the dashboard that the employee withdrew the request
    # checklist 6.2a — "Reason captured"
    And the audit log keeps the reason for the withdrawal
    # checklist 6.Ve
    And the manager and compliance are told the employee withdrew the request, with the reason

  @rule:withdrawal-before-execution @rule:one-audit-row-per-step
  Scenario Outline: The employee withdraws a request that is <stage>
    Given the employee has a request for 100 AAPL that is <stage>
    When the employee withdraws the request
    Then the bot confirms the request is withdrawn
    And the request is stored as withdrawn
    And the request is soft-deleted by the employee
    And the audit log records the withdrawal by the employee for the request

    Examples:
      | stage                     |
      | waiting for their manager |
      | waiting for compliance    |
      | approved                  |

  # A withdrawn request waits for no one: the manager's message still in Slack decides nothing (decisions-in-order; the
  # implementation's own to-do "Prevent actions on withdrawn requests", T/legacy_field_review_20260120/plan.md:115).
  @rule:decisions-in-order @rule:withdrawal-before-execution
  Scenario: The manager's click on a request the employee withdrew decides nothing
    Given the employee has submitted a request to buy 100 AAPL worth about 18000 USD
    When the employee withdraws the request
    And the manager approves the request
    Then the manager is told, where asked, why the click decides nothing
    And no approval is recorded for the request
    And the request is stored as withdrawn

  @rule:withdrawal-before-execution
  Scenario Outline: A request that is <stage> cannot be withdrawn
    Given the employee has a request for 100 AAPL that is <stage>
    When the employee withdraws the request
    Then the employee is refused with a reason
    And the request is unchanged

    Examples:
      | stage                     |
      | executed                  |
      | rejected by their manager |
      | rejected by compliance    |
      | withdrawn                 |

  @rule:segregation-of-duties
  Scenario Outline: Only the employee withdraws their request — <who> cannot
    Given the employee has a request for 100 AAPL that is waiting for compliance
    When <who> withdraws the request
    Then <who> is refused with a reason
    And the request is unchanged

    Examples:
      | who         |
      | a colleague |
      | the manager |
      | compliance  |
