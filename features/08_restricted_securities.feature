@scenario-8 @uat-5.9 @blocker @role-employee @role-compliance @allure.owner:QA @firm-wide
Feature: Scenario 8 — A restricted security cannot be requested
  Compliance keeps a restricted list. While a security's restriction is in force, a request to buy or to sell
  it is refused at the security lookup with the reason, the conversation ends there (checklist 8.1), nothing is
  created, and the refused attempt is audited. A lifted restriction refuses nothing, and a restriction on one
  security does not touch another.

  @rule:restricted-list
  Scenario Outline: The employee is refused a trade in a restricted security (<direction>)
    # plan 5.1: "Add restricted security for testing"
    Given compliance has put TSLA on the restricted list because "Test restriction for UAT"
    When the employee asks the bot to <direction> 10 TSLA
    # checklist 8.1a, 8.1b — plan 5.9: "Verify restriction detected and blocked", at the security lookup, with the reason
    Then the bot tells the employee TSLA is restricted because "Test restriction for UAT"
    # checklist 8.1c, 8.Va, 8.Q1 — plan 5.9: "Verify no PADRequest created"
    And no request is stored for the employee
    # checklist 8.Vb, 8.Q2 — plan 5.9: "Verify audit log entry"
    And the audit log records the refused attempt on TSLA by the employee
    # checklist 8.2a, 8.2b
    And compliance sees TSLA on the dashboard's restricted list

    Examples:
      | direction |
      | buy       |
      | sell      |

  # Checklist 8.2: "Compliance can add/remove securities from list"; "Test restricted security visible in list"
  @uat-8.2 @rule:restricted-list
  Scenario: Compliance adds a security to the restricted list on the dashboard, and the bot refuses it
    When compliance adds TSLA to the restricted list on the dashboard because "Added on the dashboard for UAT"
    Then the dashboard accepts the decision, saying so
    And the restricted list in the database holds TSLA in force because "Added on the dashboard for UAT", added by compliance
    And the dashboard's restricted list shows exactly the entries in force in the database
    When the employee asks the bot to buy 10 TSLA
    Then the bot tells the employee TSLA is restricted because "Added on the dashboard for UAT"

  @uat-8.2 @rule:restricted-list
  Scenario: Compliance removes a security from the restricted list on the dashboard, and it is kept as inactive
    Given compliance has put TSLA on the restricted list because "Test restriction for UAT"
    When compliance removes TSLA from the restricted list on the dashboard
    Then the dashboard accepts the decision, saying so
    And the restricted list in the database holds TSLA no longer in force
    And compliance sees TSLA on the dashboard's restricted list only among the inactive entries

  # Checklist 8.2: what compliance adds to the list must say why and name a security the firm knows.
  @uat-8.2 @rule:restricted-list
  Scenario Outline: Compliance cannot add <what> to the restricted list
    When compliance adds <security> to the restricted list on the dashboard <why>
    Then the dashboard refuses the decision, saying so
    And the restricted list in the database holds no entry for <security>

    Examples:
      | what                                  | security | why                                  |
      | a security without a reason           | TSLA     | without a reason                     |
      | a security the firm does not know     | ZZZZ     | because "Test restriction for UAT"   |

  # The list is read again when the request goes in (sandbox/README.md, "restricted security": the application refuses a
  # restricted security at submission, T/e2e_uat_audit_20251229/e2e_test_scenarios.md:164-179): a restriction compliance
  # adds while the employee's summary waits stops it at Submit.
  @rule:restricted-list
  Scenario: A security restricted while the employee's summary waits is refused when they submit it
    When the employee asks the bot to buy 10 TSLA
    And compliance adds TSLA to the restricted list on the dashboard because "Restricted while a request was open"
    And the employee confirms the request
    Then the summary the employee confirmed now shows it was not submitted
    And the bot refuses the confirmed request: TSLA is restricted because "Restricted while a request was open"
    And no request is stored for the employee
    And the audit log records the refused attempt on TSLA by the employee

  @rule:restricted-list
  Scenario Outline: A request to <direction> is accepted when <restriction>
    Given <restriction>
    When the employee asks the bot to <direction> 10 TSLA
    And the employee confirms the request
    Then the bot tells the employee the request is submitted and waiting for their manager
    And the request is stored as waiting for their manager

    Examples:
      | restriction                                                      | direction |
      | compliance has lifted the restriction on TSLA                     | buy       |
      | compliance has lifted the restriction on TSLA                     | sell      |
      | compliance has put AMZN on the restricted list because "Unrelated" | buy       |
