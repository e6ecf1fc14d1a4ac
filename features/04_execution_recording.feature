@scenario-4 @uat-5.5 @critical @role-employee @allure.owner:QA
Feature: Scenario 4 — The employee records the execution of an approved trade
  Once approved, the employee tells the bot what was executed. The system records the execution and whether
  it happened within two days of the final approval (executed_within_two_days: at most 48 hours after the
  compliance approval).

  Scenario Outline: An execution <timing> is recorded with executed_within_two_days = <within>
    Given the employee has a request for 100 AAPL approved <hours> hours ago
    When the employee tells the bot they executed 100 at 180.50 just now
    Then the bot confirms the execution, saying within two days: "<within>"
    # plan 5.5: "Confirm PADExecution created" and "Confirm executed_within_two_days calculated"
    And an execution of 100 at 180.50 is recorded for the request with executed_within_two_days "<within>"
    # plan 5.5: "Confirm PADRequest status = 'executed'"
    And the request is stored as "executed"
    And the audit log records "execution_recorded" by the employee for the request
    And compliance sees on the dashboard that the request was executed within two days: "<within>"

    Examples:
      | timing                  | hours | within |
      | a day after approval    | 30    | yes    |
      | 2½ days after approval  | 60    | no     |

  Scenario: An execution cannot be recorded before the request is approved
    Given the employee has submitted a request to buy 100 AAPL worth about 18000 USD
    When the employee tells the bot they executed 100 at 180.50 just now
    Then the bot refuses because the request is not approved
    And no execution is recorded for the request
    And the request is stored as "pending_manager"
