@preflight @uat-2.3 @uat-3.4 @blocker @allure.owner:QA
Feature: Preflight 2.3 and 3.4 — the database is migrated to head
  The plan compares `alembic current` with the newest revision in alembic/versions, shows the migration history
  and lists the pending migrations. The application's revisions are in the schema contract, its head revision is
  a setting (PAD_MIGRATION_HEAD); the database records its current one.

  Scenario: The current migration revision is the head revision
    When the current migration revision is read from the database
    Then it is the head revision, or the one before those left unapplied by decision

  Scenario: The migration history shows every revision applied and none pending
    When the current migration revision is read from the database
    Then the migration history shows each of the application's revisions as applied or pending
    And no migration is pending but those left unapplied by decision
