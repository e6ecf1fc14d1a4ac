@preflight @uat-1.2 @blocker @allure.owner:QA
Feature: Preflight 1.2 — the harness reaches the database as the application user
  Plan 1.2 connects with psql as pad_app_user. Here the connection is opened the same way the checks use it,
  with a bounded timeout.

  Scenario: A connection opens as the application user
    When the harness connects to the database
    Then it is connected as the application user named in the settings
    And the server reports its PostgreSQL version
