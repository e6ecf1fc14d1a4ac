@scenario-4 @uat-5.5 @critical @role-employee @allure.owner:QA
Feature: Scenario 4 — The employee records the execution of an approved trade
  Once approved, the employee tells the bot what was executed. The system records the execution and whether
  it happened within two days: at most 48 hours after compliance's final approval, however long the manager
  took before that. Only the employee records it, only for an approved request, and for no more than was
  approved; anything else is refused and changes nothing.

  @rule:two-day-window @rule:one-audit-row-per-step
  Scenario Outline: An execution <after> after the final approval is recorded as within two days: <within>
    Given the employee has a request for 100 AAPL that compliance approved 3 days ago, <gap> after their manager
    When the employee reports executing 100 at 180.50, <after> after compliance approved
    Then the bot confirms the execution, saying within two days: "<within>"
    # plan 5.5: "Confirm PADExecution created" and "Confirm executed_within_two_days calculated"
    And an execution of 100 at 180.50 is recorded for the request, within two days: "<within>"
    # plan 5.5: "Confirm PADRequest status = 'executed'"
    And the request is stored as executed
    And the audit log records the execution by the employee for the request
    And compliance sees on the dashboard that the request was executed within two days: "<within>"

    Examples:
      | after               | gap     | within |
      | 0 minutes           | 1 hour  | yes    |
      | 30 hours            | 1 hour  | yes    |
      | 47 hours 59 minutes | 1 hour  | yes    |
      | 48 hours            | 1 hour  | yes    |
      | 48 hours 1 minute   | 1 hour  | no     |
      | 60 hours            | 1 hour  | no     |
      | 47 hours            | 2 days  | yes    |
      | 48 hours            | 2 days  | yes    |

  @rule:execution-within-approval
  Scenario Outline: A fill of <executed> of the 100 approved is recorded
    Given the employee has a request for 100 AAPL that compliance approved 1 hour ago, 1 hour after their manager
    When the employee reports executing <executed> at 180.50 just now
    Then the bot confirms the execution, saying within two days: "yes"
    And an execution of <executed> at 180.50 is recorded for the request, within two days: "yes"
    And the request is stored as executed

    Examples:
      | executed |
      | 100      |
      | 99       |
      | 40       |

  @rule:execution-within-approval
  Scenario Outline: An execution of <executed> when 100 were approved is refused
    Given the employee has a request for 100 AAPL that is approved
    When the employee reports executing <executed> at 180.50 just now
    Then the employee is refused with a reason
    And the request is unchanged

    Examples:
      | executed |
      | 0        |
      | 101      |
      | 250      |

  @rule:execution-after-approval
  Scenario Outline: An execution dated <when> is refused
    Given the employee has a request for 100 AAPL that compliance approved 3 days ago, 1 hour after their manager
    When the employee reports executing 100 at 180.50, <when>
    Then the employee is refused with a reason
    And the request is unchanged

    Examples:
      | when                                |
      | 1 minute before compliance approved |
      | 1 hour before compliance approved   |
      | 1 hour from now                     |

  @rule:execution-after-approval
  Scenario Outline: An execution cannot be recorded for a request that is <stage>
    Given the employee has a request for 100 AAPL that is <stage>
    When the employee reports executing 100 at 180.50 just now
    Then the employee is refused with a reason
    And the request is unchanged

    Examples:
      | stage                     |
      | waiting for their manager |
      | waiting for compliance    |
      | rejected by their manager |
      | rejected by compliance    |
      | executed                  |
      | withdrawn                 |

  @rule:segregation-of-duties
  Scenario Outline: Only the employee records the execution of their request — <who> cannot
    Given the employee has a request for 100 AAPL that is approved
    When <who> reports executing 100 at 180.50 just now
    Then <who> is refused with a reason
    And the request is unchanged

    Examples:
      | who         |
      | a colleague |
      | the manager |
      | compliance  |
