@preflight @uat-2.3 @uat-3.4 @blocker @allure.owner:QA
Feature: Preflight 2.3 and 3.4 — the database is migrated to head
  The plan compares `alembic current` with the newest revision in alembic/versions. The head revision the
  application expects is a setting (PAD_MIGRATION_HEAD); the database records its current one.

  Scenario: The current migration revision is the head revision
    When the current migration revision is read from the database
    Then it is the head revision the application expects
