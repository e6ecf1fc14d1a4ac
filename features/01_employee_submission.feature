@scenario-1 @uat-5.2 @critical @role-employee @allure.owner:QA
Feature: Scenario 1 — An employee asks for pre-approval of a personal trade in Slack
  An employee talks to the PA-dealing bot as the checklist walks it (1.1-1.10): which security (confirmed once
  found), buy or sell, how many, at roughly what price and in which currency, through which broker and account, and
  why. The bot shows a summary whose submit button declares they hold no inside information; once submitted the
  request waits for the employee's manager. The bot words all this differently from one run to the next. Without
  the declaration nothing is submitted, and a security the firm does not know is asked for again.

  @rule:manager-decides-first @rule:one-audit-row-per-step
  Scenario Outline: The employee submits a request to <direction> <quantity> <security> priced in <currency>
    When the employee asks the bot to <direction> <quantity> <security> worth about <value> <currency>
    # checklist 1.1b, 1.2b, 1.3b, 1.4b, 1.5c, 1.6b, 1.7b, 1.8b — each question, in whatever order and words the bot asks it
    Then the bot asked the employee for the security, buy or sell, the quantity, the price, the currency, the broker, the account and the reason
    # checklist 1.9b — the summary with its button to submit
    And the bot shows the employee a summary of the trade to confirm
    # checklist 1.2a, 1.3a, 1.4a, 1.5a, 1.5b, 1.6a, 1.7a, 1.8a, 1.9a — what the bot took down, as its summary shows it
    And the summary shows the security found, with its description, and every detail the employee gave, with the estimated value worked out
    When the employee confirms the request
    # checklist 1.10a — plan 5.2's submission, confirmed in Slack
    Then the bot tells the employee the request is submitted and waiting for their manager
    # checklist 1.10b
    And the summary the employee confirmed now shows the request's number
    # checklist 1.Va, 1.Q1 — plan 5.2: "Confirm PADRequest created with correct data"
    And the request is stored as waiting for their manager for the employee with <direction> <quantity> <security> worth <value> <currency>
    # checklist 1.Vb, 1.Q2 — plan 5.2: "Confirm audit log entry exists"
    And the audit log records the submission by the employee for the request
    # checklist 1.10c — "Status shows Pending Manager Approval", the dashboard's label for it
    And the employee sees the request as waiting for their manager on the dashboard

    Examples:
      | direction | quantity | security | value | currency |
      | buy       | 100      | AAPL     | 18000 | USD      |
      | sell      | 40       | MSFT     | 13000 | GBP      |

  @rule:one-request-per-confirmation
  Scenario: Confirming the same summary twice (a double click) submits one request
    When the employee asks the bot to buy 10 GOOGL worth about 1500 USD
    And the employee double-clicks Confirm on the summary
    Then exactly one request is stored for the employee

  # The real bot is an LLM: what is written at the preview gets an answer in the model's words (../shared/REAL-SYSTEM.md).
  # A question, not "yes": typing "Submit" may well submit there (DV/UAT_GUIDE.md:272, "Click Submit Request (or type Submit)").
  @rule:one-request-per-confirmation
  Scenario: A question written at the summary is answered and submits nothing
    When the employee asks the bot to buy 10 GOOGL worth about 1500 USD
    And the employee writes "Can I change the broker later?" at the summary instead of using a button, and the bot answers
    Then no request is stored for the employee

  @rule:one-request-per-confirmation
  Scenario: Cancelling at the summary submits nothing
    When the employee asks the bot to buy 10 GOOGL worth about 1500 USD
    And the employee cancels at the summary
    Then no request is stored for the employee
    When the employee writes to the bot again
    Then the bot starts a new request

  @rule:one-thread-per-request
  Scenario: Each request is taken in a thread of its own, and a new one leaves an earlier one as it was
    When the employee asks the bot to buy 10 GOOGL worth about 1500 USD
    And the employee starts over and asks the bot to sell 5 MSFT worth about 2000 USD
    Then the bot takes each request in a thread of its own
    When the employee confirms the earlier summary
    Then exactly one request is stored for the employee
    And the stored request is to buy 10 GOOGL

  @rule:submission-needs-a-complete-request
  Scenario: Without the declaration of no inside information nothing is submitted
    When the employee asks the bot to buy 10 AAPL worth about 1800 USD, but does not declare they hold no inside information
    Then the bot tells the employee nothing is submitted without the declaration
    And no request is stored for the employee
    When the employee writes to the bot again
    Then the bot starts a new request

  @rule:submission-needs-a-complete-request
  Scenario: A security the firm does not know is asked for again
    When the employee asks the bot to buy 10 AAPL but answers the security question with "ZZZZ"
    Then the bot tells the employee it does not know the security ZZZZ
    And the bot asks for the security again
    And no request is stored for the employee

  @rule:submission-needs-a-complete-request
  Scenario Outline: The bot asks again when the <question> given is <what>
    When the employee asks the bot to buy 10 AAPL but answers the <question> question with "<answer>"
    Then the bot asks for the <question> again
    And no request is stored for the employee

    Examples:
      | question  | what                  | answer    |
      | direction | neither buy nor sell  | hold      |
      | quantity  | not a number          | lots      |
      | quantity  | zero                  | 0         |
      | quantity  | negative              | -5        |
      | price     | not an amount         | cheap     |
      | price     | zero                  | 0         |
      | currency  | not a currency        | shells    |
