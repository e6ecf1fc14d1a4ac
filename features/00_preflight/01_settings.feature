@preflight @uat-1.1 @blocker @allure.owner:QA
Feature: Preflight 1.1 — the run's settings load for the chosen environment
  The plan's phase 1 starts with the environment file: the harness must know which database, schema and
  user it talks to before anything else, and must never show a secret while saying so.

  Scenario: The settings name the database, schema and user of the chosen environment
    When the run's settings are loaded
    Then they name the database host, port, database, schema and user
    And the database schema is "padealing"
    And no secret appears in the settings shown in the report

  Scenario: The connection to the database is encrypted as the SSL setting asks
    When the harness connects to the database
    Then the report shows the SSL mode the settings ask for and whether the connection is encrypted
    And the connection is encrypted if the SSL mode requires it, and not if it disables it
