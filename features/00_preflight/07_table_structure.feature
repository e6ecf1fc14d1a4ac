@preflight @uat-3.4 @critical @allure.owner:QA
Feature: Preflight 3.4 — table structures match the schema contract
  The schema contract (targets/<contract>.schema.json, named by the target's contract) is what the application's models expect of every
  table it uses, in padealing and in bo_airflow. A column the contract expects but the database lacks is a
  phantom column (the plan found email and full_name on OracleEmployee); a column the database has but the
  contract does not is unknown to the application. The unique keys and CHECK constraints the application relies
  on — one decision per approval stage, one execution per request, a buy or a sell — must be there too.

  Scenario Outline: <schema>.<table> has exactly the contract's columns and constraints
    When the structure of <schema>.<table> is read
    Then its columns match the schema contract, naming any phantom or unknown column
    And its unique keys and CHECK constraints match the schema contract

    Examples:
      | schema     | table                      |
      | padealing  | pad_request                |
      | padealing  | pad_approval               |
      | padealing  | pad_execution              |
      | padealing  | audit_log                  |
      | padealing  | restricted_security        |
      | padealing  | chatbot_session            |
      | padealing  | compliance_config          |
      | padealing  | employee_role              |
      | bo_airflow | oracle_employee            |
      | bo_airflow | oracle_contact             |
      | bo_airflow | oracle_bloomberg           |
      | bo_airflow | oracle_position            |
      | bo_airflow | oracle_portfolio_group     |
      | bo_airflow | oracle_portfolio_meta_data |
      | bo_airflow | oracle_product_usage       |
      | bo_airflow | oracle_employee_log        |
