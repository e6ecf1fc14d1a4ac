@preflight @uat-3.4 @critical @allure.owner:QA
Feature: Preflight 3.4 — table structures match the schema contract
  The contract (features/00_preflight/schema-contract.json) is what the application's models expect. A
  column the contract expects but the database lacks is a phantom column (the plan found email and full_name
  on OracleEmployee); a column the database has but the contract does not is unknown to the application.

  Scenario Outline: <schema>.<table> has exactly the contract's columns
    When the columns of <schema>.<table> are read
    Then they match the schema contract, naming any phantom or unknown column

    Examples:
      | schema     | table               |
      | padealing  | pad_request         |
      | padealing  | pad_approval        |
      | padealing  | pad_execution       |
      | padealing  | audit_log           |
      | padealing  | restricted_security |
      | padealing  | chatbot_session     |
      | padealing  | compliance_config   |
      | padealing  | employee_role       |
      | bo_airflow | oracle_employee     |
      | bo_airflow | oracle_position     |
      | bo_airflow | contact             |
