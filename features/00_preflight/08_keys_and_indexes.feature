@preflight @uat-3.4 @critical @allure.owner:QA
Feature: Preflight 3.4 — foreign keys and key indexes are in place
  Foreign keys must point at the right reference tables, and the columns the dashboard filters on must be
  indexed (the plan's "status, employee_id, security_id, etc.").

  Scenario: The application's foreign keys reference the right tables
    When the foreign keys of schema padealing are read
    Then these foreign keys exist:
      | table               | column        | references                   |
      | pad_request         | employee_id   | bo_airflow.oracle_employee   |
      | pad_request         | security_id   | bo_airflow.oracle_bloomberg  |
      | pad_request         | deleted_by_id | bo_airflow.oracle_employee   |
      | pad_approval        | request_id    | padealing.pad_request        |
      | pad_approval        | approver_id   | bo_airflow.oracle_employee   |
      | pad_execution       | request_id    | padealing.pad_request        |
      | audit_log           | request_id    | padealing.pad_request        |
      | audit_log           | actor_id      | bo_airflow.oracle_employee   |
      | restricted_security | security_id   | bo_airflow.oracle_bloomberg  |
      | restricted_security | added_by_id   | bo_airflow.oracle_employee   |

  Scenario: The columns the dashboard filters on are indexed
    When the indexes of schema padealing are read
    Then these columns lead an index:
      | table        | column      |
      | pad_request  | status      |
      | pad_request  | employee_id |
      | pad_request  | security_id |
      | pad_approval | request_id  |
      | audit_log    | request_id  |
