@preflight @uat-2.1 @critical @allure.owner:QA
Feature: Preflight 2.1 — the reference tables exist and hold data
  The plan lists the bo_airflow tables the application reads. ProductUsage lives in oracle_product_usage
  (the plan's "product_usage" is the model's name, not the table's).

  Scenario Outline: Reference table <table> exists and has rows
    Then reference table "<table>" exists in bo_airflow
    And reference table "<table>" of bo_airflow has at least 1 row

    Examples:
      | table                      |
      | oracle_employee            |
      | oracle_bloomberg           |
      | oracle_position            |
      | oracle_portfolio_group     |
      | oracle_contact             |
      | oracle_product_usage       |
      | oracle_portfolio_meta_data |
      | oracle_employee_log        |
