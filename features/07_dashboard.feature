@scenario-7 @uat-5.8 @critical @role-compliance @role-employee @allure.owner:QA
Feature: Scenario 7 — The compliance dashboard shows what the database holds
  Compliance watches the dashboard. Every figure and list it shows must agree with the database, and each
  person sees only what their role allows: compliance sees the whole firm; everyone else — the employee, a
  colleague, their manager — sees only their own requests, on every page that shows one, and never the
  compliance view or the audit log.

  # The whole firm's figures, read while no other team's request moves (@firm-wide: README, "Side by side")
  @uat-7.1 @rule:dashboard-matches-database @firm-wide
  Scenario: The summary statistics match the database
    Given the employee has a request to buy 100 AAPL approved by their manager
    When compliance opens the dashboard summary
    # checklist 7.1a
    Then every summary figure equals the count in the database

  @uat-7.2 @rule:dashboard-matches-database
  Scenario Outline: The request list filtered <filter> shows exactly the matching requests
    Given the employee has a request to buy 100 AAPL approved by their manager
    When compliance lists the requests <filter>
    # checklist 7.2a, 7.2b
    Then the list shows the request
    # checklist 7.2c
    And every listed request matches the filter
    And the number of matching requests equals the count in the database

    Examples:
      | filter                                       |
      | waiting for compliance                       |
      | for the security AAPL                        |
      | of the employee                              |
      | waiting for compliance for the security AAPL |

  @uat-7.3 @rule:dashboard-matches-database
  Scenario: The request detail shows the request, its approvals and its audit trail
    Given the employee has a request to buy 100 AAPL approved by their manager
    When compliance opens the request on the dashboard
    # checklist 7.3b — the status, employee, direction, quantity and security against the database
    Then the detail shows the request as waiting for compliance for the employee, buy 100 AAPL
    # checklist 7.3a
    And the detail shows every section as the database holds it: the employee, the security and its description, the trade, the reason, the risk, the approvals and the audit trail
    # checklist 7.3c — the approval, then the audit trail
    And the detail shows the manager's approval
    And the detail's audit trail shows the same actions as the audit log in the database

  @uat-7.3 @rule:dashboard-matches-database
  Scenario: The request detail shows an execution as recorded
    Given the employee has a request for 100 AAPL that is executed
    When compliance opens the request on the dashboard
    # checklist 7.3d
    Then the detail shows the execution's quantity and price as recorded

  @uat-7.4 @rule:dashboard-matches-database
  Scenario: The compliance view shows the requests waiting for compliance
    Given the employee has a request to buy 100 AAPL approved by their manager
    When compliance reviews the compliance view
    # checklist 7.4a — the pending approvals, with Approve and Decline (the scenarios below use them)
    Then the compliance view lists the request as waiting for compliance
    And the compliance view's pending count equals the count in the database

  # Checklist 7.4: "Pending requests sortable by risk level"
  @uat-7.4 @rule:dashboard-matches-database
  Scenario: Compliance sorts the pending requests by risk
    Given the employee has a request for 100 AAPL that is waiting for compliance at high risk
    And the employee has a request for 100 MSFT that is waiting for compliance at medium risk
    When compliance sorts the compliance view by risk
    # checklist 7.4b
    Then the pending requests are listed from the highest risk to the lowest, each with the risk stored for it

  # Checklist 7.4: "Ability to approve/reject from dashboard"; its approval tells the same people a click in Slack does (3.4)
  @uat-7.4 @rule:compliance-decides-last
  Scenario: Compliance approves a request from the dashboard, with a comment
    Given the employee has a request to buy 100 AAPL approved by their manager
    When compliance approves the request on the dashboard with the comment "Reviewed on the dashboard"
    Then the dashboard accepts the decision, saying so
    And the request is stored as approved
    And compliance's approval of the request is recorded with the comment "Reviewed on the dashboard"
    And the employee is told the request is approved and must be traded within two days
    And the manager is told, for information, that the request is approved and ready for execution

  @uat-7.4 @rule:decisions-keep-their-reasons
  Scenario: Compliance declines a request from the dashboard only with a reason
    Given the employee has a request for 100 AAPL that is waiting for compliance
    When compliance declines the request on the dashboard without a reason
    Then the dashboard refuses the decision, saying so
    And the request is unchanged
    When compliance declines the request on the dashboard because "Conflicts with the firm's position"
    Then the dashboard accepts the decision, saying so
    And the request is stored as rejected
    And compliance's rejection of the request is recorded with the comment "Conflicts with the firm's position"

  @uat-7.5 @rule:dashboard-matches-database
  Scenario: The audit log view shows the request's audit trail
    Given the employee has a request for 100 AAPL that is executed
    # checklist 7.5a — "Navigate to audit log page": the page as it opens, before any filter
    When compliance opens the audit log page
    Then the audit log page shows entries, each as the audit log in the database has it
    When compliance opens the audit log for the request
    # checklist 7.5a
    Then the audit log view shows the same actions as the audit log in the database for the request
    # checklist 7.5b, 7.5c
    And the audit log view shows who did each of the request's actions, in the order they happened

  @rule:employee-sees-own-requests
  Scenario: An employee's request list holds only their own requests
    Given the employee has a request for 100 AAPL that is waiting for compliance
    When the employee lists their requests on the dashboard
    Then every request the employee sees on the dashboard is their own

  @rule:employee-sees-own-requests
  Scenario Outline: <who> opening <page> for <owner>'s request <sees>
    Given <owner> has a request for 100 AAPL that is waiting for compliance
    When <who> opens <page>
    Then <who> <sees>

    Examples:
      | owner        | who          | page                   | sees                                |
      | the employee | the employee | the request's own page | sees the request                    |
      | the employee | a colleague  | the request's own page | is told there is no such request    |
      | the employee | the manager  | the request's own page | sees the request                    |
      | the employee | compliance   | the request's own page | sees the request                    |
      | the manager  | the manager  | the request's own page | sees the request                    |
      | the manager  | the employee | the request's own page | is told there is no such request    |
      | the employee | the employee | the request list       | sees the request                    |
      | the employee | a colleague  | the request list       | does not see the request            |
      | the employee | the manager  | the request list       | sees the request                    |
      | the employee | compliance   | the request list       | sees the request                    |
      | the manager  | the manager  | the request list       | sees the request                    |
      | the manager  | the employee | the request list       | does not see the request            |
      | the employee | the employee | the dashboard summary  | sees figures for their own requests |
      | the employee | a colleague  | the dashboard summary  | sees figures for their own requests |
      | the employee | the manager  | the dashboard summary  | sees figures for their own requests |
      | the employee | the employee | the compliance view    | is refused the page                 |
      | the employee | a colleague  | the compliance view    | is refused the page                 |
      | the employee | the manager  | the compliance view    | is refused the page                 |
      | the employee | compliance   | the compliance view    | sees the request                    |
      | the employee | the employee | the audit log          | is refused the page                 |
      | the employee | a colleague  | the audit log          | is refused the page                 |
      | the employee | the manager  | the audit log          | is refused the page                 |
      | the employee | compliance   | the audit log          | sees the request                    |

    # The whole firm's figures, read while no other team's request moves
    @firm-wide
    Examples:
      | owner        | who          | page                   | sees                                |
      | the employee | compliance   | the dashboard summary  | sees figures for the whole firm     |
