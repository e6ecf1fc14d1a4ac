@scenario-2 @uat-5.3 @critical @role-employee @role-manager @allure.owner:QA
Feature: Scenario 2 — The employee's manager approves the request in Slack
  The manager is sent the request with Approve and Reject buttons. Approval records the manager's decision
  and passes the request to compliance. Only the employee's own manager can decide, and only through Slack.

  Background:
    Given the employee has submitted a request to buy 100 AAPL worth about 18000 USD

  Scenario: The manager approves and the request moves on to compliance
    # plan 5.3: "Confirm notifications sent" — the manager is asked
    Then the manager is asked in Slack to decide on the request
    When the manager approves the request
    # The manager sees the decision recorded on the message they clicked (the bot answers the click in Slack)
    Then the message the manager clicked now says they approved the request
    # plan 5.3: "Confirm PADApproval created"
    And a "manager" approval with decision "approved" by the manager is recorded for the request
    # plan 5.3: "Confirm PADRequest status updated"
    And the request is stored as "pending_compliance"
    And the audit log records "manager_approved" by the manager for the request
    # plan 5.3: "Confirm notifications sent" — employee and compliance hear of it
    And the employee is told their manager approved the request
    And compliance is asked in Slack to decide on the request
    And compliance sees the request as "pending_compliance" on the dashboard

  Scenario: Someone who is not the employee's manager cannot approve
    When a colleague sends a genuinely signed approval click for the request as its manager
    Then the colleague is told the decision is not theirs to make
    And the request is stored as "pending_manager"
    And no approval is recorded for the request

  Scenario Outline: A click that did not come from Slack is refused (<how>)
    When someone sends an approval click for the request that is <how>
    Then the bot refuses the click as not coming from Slack
    And the request is stored as "pending_manager"
    And no approval is recorded for the request

    Examples:
      | how                     |
      | unsigned                |
      | signed with a wrong key |
      | replayed from the past  |
