@scenario-3 @uat-5.4 @critical @role-employee @role-manager @role-compliance @allure.owner:QA
Feature: Scenario 3 — Compliance gives the final approval
  After the manager, compliance decides. Approval makes the request approved: the employee may trade and
  must do so within two days. Only compliance decides, never on their own request, and only once the manager
  has approved; anything else is refused and changes nothing.

  @rule:compliance-decides-last @rule:one-audit-row-per-step
  Scenario: Compliance approves and the employee may trade
    Given the employee has a request to buy 100 AAPL approved by their manager
    When compliance approves the request
    Then the message compliance clicked now says they approved the request
    # plan 5.4: "Confirm PADRequest status = 'approved'"
    And the request is stored as approved
    # plan 5.4: "Confirm compliance PADApproval created" and "Confirm both approvals exist"
    And the request has these approvals:
      | stage      | decision | by         |
      | manager    | approved | manager    |
      | compliance | approved | compliance |
    And the audit log records compliance's approval by compliance for the request
    And the employee is told the request is approved and must be traded within two days
    And the employee sees the request as approved on the dashboard

  @rule:segregation-of-duties
  Scenario Outline: Only compliance gives the compliance decision, never on their own request — <who> cannot <decide> <owner>'s request
    Given <owner> has a request for 100 AAPL that is waiting for compliance
    When <who> <decides> the request as compliance
    Then <who> is refused with a reason
    And the request is unchanged

    Examples:
      | owner        | who          | decide  | decides  |
      | the employee | the manager  | approve | approves |
      | the employee | the manager  | reject  | rejects  |
      | the employee | the employee | approve | approves |
      | the employee | a colleague  | approve | approves |
      | compliance   | compliance   | approve | approves |
      | compliance   | compliance   | reject  | rejects  |

  @rule:decisions-in-order
  Scenario: A refused decision is not shown as taken
    Given the employee has a request for 100 AAPL that is waiting for their manager
    When compliance approves the request as compliance
    Then compliance is refused with a reason
    And the message compliance clicked does not say they decided

  @rule:decisions-in-order
  Scenario Outline: Compliance decides only after the manager and only once — a request that is <stage> cannot be <decided>
    Given the employee has a request for 100 AAPL that is <stage>
    When compliance <decides> the request as compliance
    Then compliance is refused with a reason
    And the request is unchanged

    Examples:
      | stage                     | decides  | decided  |
      | waiting for their manager | approves | approved |
      | waiting for their manager | rejects  | rejected |
      | approved                  | rejects  | rejected |
      | rejected by their manager | approves | approved |
      | rejected by compliance    | approves | approved |
      | executed                  | rejects  | rejected |
      | withdrawn                 | approves | approved |
