@scenario-7 @uat-5.8 @critical @role-compliance @role-employee @allure.owner:QA
Feature: Scenario 7 — The compliance dashboard shows what the database holds
  Compliance watches the dashboard. Every figure and list it shows must agree with the database, and each
  person sees only what their role allows.

  Background:
    Given the employee has a request to buy 100 AAPL approved by their manager

  @uat-7.1
  Scenario: The summary statistics match the database
    When compliance opens the dashboard summary
    Then every summary figure equals the count in the database

  @uat-7.2
  Scenario: The request list filters by status
    When compliance lists the requests with status "pending_compliance"
    Then the list shows the request as "pending_compliance"
    And every listed request has status "pending_compliance"
    And the number of matching requests equals the count in the database

  @uat-7.3
  Scenario: The request detail shows the request, its approvals and its audit trail
    When compliance opens the request on the dashboard
    Then the detail shows the request as "pending_compliance" for the employee, buy 100 AAPL
    And the detail shows a "manager" approval "approved" by the manager
    And the detail's audit trail shows the same actions as the audit log in the database

  @uat-7.4
  Scenario: The compliance view shows pending requests, conflicts and the restricted list
    When compliance opens the compliance view
    Then the compliance view lists the request as waiting for compliance
    And the compliance view's pending count equals the count in the database
    And the compliance view's restricted list equals the active restricted list in the database

  @uat-7.5
  Scenario: The audit log view shows the request's audit trail
    When compliance opens the audit log for the request
    Then the audit log view shows the same actions as the audit log in the database for the request

  Scenario: An employee sees only their own requests and not the compliance pages
    When the employee opens the request list
    Then every request the employee sees on the dashboard is their own
    And the employee is refused the compliance view and the audit log
