-- The coverage of the persons a refresh merges again (view registry_refresh_coverage, V10), computed by a statement
-- of its own into this work table before the merge reads it, so that its plan can follow the size of the increment:
-- for a few persons their participations are read through the person index, which the planner would not choose
-- (docs/registry.md, "Coverage"; docs/performance.md, "Seventh round").
CREATE UNLOGGED TABLE registry_refresh_covered AS SELECT * FROM registry_refresh_coverage WITH NO DATA;
