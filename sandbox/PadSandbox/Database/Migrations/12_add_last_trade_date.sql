-- revision: aa0f04f2fdaf (add_last_trade_date, 2025-12-29)
-- Altered bo_airflow.oracle_position, which the app must not touch; the plan found dev without the column
-- ("last_trade_date correctly excluded", uat-plan.md:24). Nothing for padealing.
SELECT 1;
