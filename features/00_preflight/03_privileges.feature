@preflight @uat-1.2 @blocker @allure.owner:QA
Feature: Preflight 1.2 — the application user has the schema privileges the plan requires
  padealing is the application's own schema; bo_airflow is reference data the application may read and
  must never change.

  Scenario: padealing is usable and bo_airflow is read-only
    When the application user's privileges are read
    Then the application user can use and create in schema padealing
    And the application user can use schema bo_airflow and read bo_airflow.oracle_employee
    And the application user cannot insert into or update bo_airflow.oracle_employee
