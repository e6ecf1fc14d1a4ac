@scenario-4 @uat-5.5 @critical @role-employee @allure.owner:QA
Feature: Scenario 4 — The employee records the execution of an approved trade
  Once approved, the employee tells the bot what was executed. The system records the execution and whether
  it happened within two days: two business days of compliance's final approval (PA Dealing Policy v18.5,
  checklist 4.6) — a weekend or one of the firm's holidays does not use up the window — however long the
  manager took before that. Only the employee records it, only for an approved request, and for no more than
  was approved; anything else is refused and changes nothing. A weekday named here is an ordinary one (no
  holiday that week); the holidays are the target's own list.

  @rule:two-day-window @rule:one-audit-row-per-step @rule:parties-told
  Scenario Outline: An execution <executed>, approved on <approved> (<gap> after the manager), is recorded as within two days: <within>
    Given the employee has a request for 100 AAPL that compliance approved on <approved>, <gap> after their manager
    When the employee reports executing 100 at 180.50 <executed>
    # checklist 4.1a, 4.1b, 4.2b, 4.3b, 4.4c — the request shown, then each question, in whatever order and words the bot asks it
    Then the bot showed the employee the approved request and asked for the execution's date, quantity, price and confirmation number
    # checklist 4.2a, 4.3a, 4.4a, 4.4b, 4.5a, 4.5b, 4.5c — the answers taken, the actual value beside the estimate, Record Execution
    And the execution summary shows the date, quantity, price and confirmation number given, the actual value beside the estimated one, and a button to record it
    # checklist 4.6a
    And the bot confirms the execution, saying within two days: "<within>"
    # checklist 4.Va, 4.Vc, 4.Q1 — plan 5.5: "Confirm PADExecution created" and "Confirm executed_within_two_days calculated"
    And an execution of 100 at 180.50 is recorded for the request, within two days: "<within>"
    # checklist 4.6b, 4.Vb, 4.Q2 — plan 5.5: "Confirm PADRequest status = 'executed'"
    And the request is stored as executed
    # checklist 4.Vd, 4.Q3
    And the audit log records the execution by the employee for the request
    And compliance sees on the dashboard that the request was executed within two days: "<within>"
    # checklist 4.7a, 4.7b — compliance told of the execution, with its date, quantity, price and value
    And compliance is told of the execution, with its date, quantity, price and value

    Examples:
      | approved                                   | gap    | executed                               | within |
      | a Monday at 10:00                          | 1 hour | the same day at 10:00                  | yes    |
      | a Monday at 10:00                          | 1 hour | 2 days later at 10:00                  | yes    |
      | a Monday at 10:00                          | 1 hour | 2 days later at 10:01                  | no     |
      | a Monday at 10:00                          | 3 days | 2 days later at 10:00                  | yes    |
      | a Thursday at 16:00                        | 1 hour | 4 days later at 16:00                  | yes    |
      | a Thursday at 16:00                        | 1 hour | 4 days later at 16:01                  | no     |
      | a Friday at 09:00                          | 1 hour | 2 days later at 23:59                  | yes    |
      | the business day before a holiday at 10:00 | 1 hour | 2 weekdays later at 10:01              | yes    |
      | the business day before a holiday at 10:00 | 1 hour | 2 business days later at 10:01         | no     |

  # Checklist 4.2 gives the date alone ("2026-01-20"): the execution is recorded on that day, at a time of day the system chooses.
  @rule:execution-after-approval
  Scenario Outline: An execution reported by its date alone is recorded on that day (<day>)
    Given the employee has a request for 100 AAPL that compliance approved 3 days ago, 1 hour after their manager
    When the employee reports executing 100 at 180.50 <day>, giving the date alone
    Then an execution of 100 at 180.50 is recorded for the request on the day given

    Examples:
      | day       |
      | today     |
      | 1 day ago |

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

  # The application's API records an execution too (POST /api/requests/{id}/execution with the price, the quantity and the
  # broker's reference: T/e2e_uat_audit_20251229/e2e_test_scenarios.md:293-300), under the same rules as the bot's dialogue.
  @rule:execution-within-approval @rule:parties-told
  Scenario: The employee records an execution through the application's API
    Given the employee has a request for 100 AAPL that compliance approved 1 hour ago, 1 hour after their manager
    When the employee records an execution of 100 at 180.50 through the application's API
    Then the API accepts the execution
    And an execution of 100 at 180.50 is recorded for the request, within two days: "yes"
    And the request is stored as executed
    And the audit log records the execution by the employee for the request
    And compliance is told of the execution, with its date, quantity, price and value

  # The real bot is an LLM (../shared/REAL-SYSTEM.md): what the employee writes while the summary waits gets an answer in
  # the model's own words, records nothing, and the summary's Record Execution still records the execution (checklist 4.6).
  Scenario: A question written at the execution summary is answered, and the summary still records the execution
    Given the employee has a request for 100 AAPL that compliance approved 1 hour ago, 1 hour after their manager
    When the employee reports executing 100 at 180.50 just now, up to the summary, and leaves it open
    And the employee writes "Does the value include the broker's commission?" at the summary instead of using a button, and the bot answers
    Then the request is unchanged
    When the employee clicks Record Execution on the summary left open
    Then the bot confirms the execution, saying within two days: "yes"
    And an execution of 100 at 180.50 is recorded for the request, within two days: "yes"

  # One execution a request: a summary left open in Slack records nothing once the request was executed another way (the
  # application's API, e2e_test_scenarios.md:293-300) — the rule holds at the click, not only at the questions.
  @rule:execution-after-approval
  Scenario: A summary left open records nothing once the request was executed through the application's API
    Given the employee has a request for 100 AAPL that compliance approved 1 hour ago, 1 hour after their manager
    When the employee reports executing 100 at 180.50 just now, up to the summary, and leaves it open
    And the employee records an execution of 40 at 181.00 through the application's API
    And the employee clicks Record Execution on the summary left open
    Then the employee is refused with a reason
    And the summary the employee clicked now shows the execution was not recorded
    And an execution of 40 at 181.00 is recorded for the request, within two days: "yes"

  @rule:execution-within-approval
  Scenario Outline: An execution of <what> is refused by the application's API too
    Given the employee has a request for 100 AAPL that is approved
    When the employee records an execution of <quantity> at <price> through the application's API
    Then the API refuses the execution
    And the request is unchanged

    Examples:
      | what                      | quantity | price  |
      | more than was approved    | 101      | 180.50 |
      | nothing                   | 0        | 180.50 |
      | no price                  | 100      | 0      |

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
