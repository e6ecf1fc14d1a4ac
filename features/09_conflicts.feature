@scenario-9 @uat-5.10 @normal @role-employee @role-compliance @allure.owner:QA
Feature: Scenario 9 — Firm-trading conflicts are flagged for compliance, never blocked
  When the firm itself holds a position in the security — long or short — the request is flagged for
  compliance as an advisory conflict, whichever way the employee trades; it is not refused. The plan runs this
  scenario only where conflict detection is implemented: where the target declares it is not, the scenario is
  reported as skipped with that reason.

  Background:
    Given the target declares firm-trading conflict detection

  @rule:conflicts-are-advisory
  Scenario Outline: A request to <direction> <security>, which the firm holds <position>, is flagged but goes ahead
    When the employee asks the bot to <direction> <quantity> <security>
    And the employee confirms the request
    # checklist 9.1b
    Then the bot tells the employee the request is flagged for compliance as advisory
    # checklist 9.1a, 9.1c, 9.Va, 9.Vb, 9.Q1 — submitted, not blocked, routed to the manager, flagged
    And the request is stored as waiting for their manager with a conflict flag
    And compliance sees the request among the open conflicts on the dashboard
    # checklist 9.2a
    And compliance sees the request's conflict details on the dashboard
    When the manager approves the request
    Then compliance is asked in Slack to decide on the request, with the conflict shown as advisory
    When compliance approves the request
    # checklist 9.2b, 9.Vc, 9.Q2 — advisory only: compliance may approve despite the conflict
    Then the request is stored as approved

    Examples:
      | direction | quantity | security | position |
      | buy       | 20       | NVDA     | long     |
      | sell      | 20       | NVDA     | long     |
      | buy       | 30       | BAC      | short    |

  @rule:conflicts-are-advisory
  Scenario Outline: A request to <direction> a security the firm does not hold is not flagged
    When the employee asks the bot to <direction> 5 GOOGL
    And the employee confirms the request
    Then the request is stored as waiting for their manager without a conflict flag
    When the manager approves the request
    Then compliance is asked in Slack to decide on the request, with no conflict shown

    Examples:
      | direction |
      | buy       |
      | sell      |
