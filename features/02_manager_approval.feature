@scenario-2 @uat-5.3 @critical @role-employee @role-manager @allure.owner:QA
Feature: Scenario 2 — The employee's manager approves the request in Slack
  The manager is sent the request with Approve and Reject buttons. Approval records the manager's decision
  and passes the request to compliance. Only the employee's own manager decides, only while the request waits
  for them, and only through Slack; anything else is refused and changes nothing.

  @rule:manager-decides-first @rule:one-audit-row-per-step
  Scenario: The manager approves and the request moves on to compliance
    Given the employee has submitted a request to buy 100 AAPL worth about 18000 USD
    # plan 5.3: "Confirm notifications sent" — the manager is asked
    Then the manager is asked in Slack to decide on the request
    When the manager approves the request
    # The manager sees the decision recorded on the message they clicked (the bot answers the click in Slack)
    Then the message the manager clicked now says they approved the request
    # plan 5.3: "Confirm PADApproval created"
    And the manager's approval of the request is recorded
    # plan 5.3: "Confirm PADRequest status updated"
    And the request is stored as waiting for compliance
    And the audit log records the manager's approval by the manager for the request
    # plan 5.3: "Confirm notifications sent" — employee and compliance hear of it
    And the employee is told their manager approved the request
    And compliance is asked in Slack to decide on the request
    And compliance sees the request as waiting for compliance on the dashboard
    And no one but compliance is asked to decide for compliance

  @rule:segregation-of-duties
  Scenario Outline: Only the employee's own manager decides for the manager — <who> cannot <decide> <owner>'s request
    Given <owner> has a request for 100 AAPL that is waiting for their manager
    When <who> <decides> the request as its manager
    Then <who> is refused with a reason
    And the request is unchanged

    Examples:
      | owner        | who          | decide  | decides  |
      | the employee | a colleague  | approve | approves |
      | the employee | a colleague  | reject  | rejects  |
      | the employee | compliance   | approve | approves |
      | the employee | the employee | approve | approves |
      | the manager  | the manager  | approve | approves |
      | the manager  | the manager  | reject  | rejects  |

  @rule:decisions-in-order
  Scenario: A refused decision is not shown as taken
    Given the employee has a request for 100 AAPL that is waiting for compliance
    When the manager approves the request as its manager
    Then the manager is refused with a reason
    And the message the manager clicked does not say they decided

  @rule:decisions-in-order
  Scenario Outline: The manager decides only while the request waits for them — a request that is <stage> cannot be <decided>
    Given the employee has a request for 100 AAPL that is <stage>
    When the manager <decides> the request as its manager
    Then the manager is refused with a reason
    And the request is unchanged

    Examples:
      | stage                     | decides  | decided  |
      | waiting for compliance    | approves | approved |
      | waiting for compliance    | rejects  | rejected |
      | approved                  | rejects  | rejected |
      | rejected by their manager | approves | approved |
      | rejected by compliance    | approves | approved |
      | executed                  | rejects  | rejected |
      | withdrawn                 | approves | approved |

  @rule:decisions-come-from-slack
  Scenario Outline: A click that did not come from Slack is refused (<how>)
    Given the employee has a request for 100 AAPL that is waiting for their manager
    When someone sends an approval click for the request that is <how>
    Then the bot refuses the click as not coming from Slack
    And the request is unchanged

    Examples:
      | how                     |
      | unsigned                |
      | signed with a wrong key |
      | replayed from the past  |
