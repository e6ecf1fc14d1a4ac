@scenario-10 @uat-5.11 @normal @role-employee @role-compliance @allure.owner:QA
Feature: Scenario 10 — The system answers quickly enough
  Plan 5.11: bot response times, EXPLAIN ANALYZE of the dashboard's key queries with realistic volume, and
  dashboard page load times. Thresholds come from the environment's settings; every figure is reported,
  whether it passes or not.

  Scenario: The bot answers the employee quickly
    When the employee exchanges messages with the bot as many times as the settings ask
    Then the median and 95th-percentile reply times are within the thresholds

  Scenario Outline: The dashboard's query for <query> is fast and uses an index
    Given the database holds at least 10000 requests
    When the plan of the dashboard's query for <query> is analysed
    Then it executes within the query threshold
    And it does not scan pad_request sequentially

    Examples:
      | query                                 |
      | the compliance queue                  |
      | an employee's requests                |
      | the request detail with its approvals |

  Scenario: Dashboard pages load quickly in the browser
    When compliance loads each dashboard page
    Then every page loads within the page-load threshold
