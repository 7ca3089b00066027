-- The high water mark of the refreshes: every record at or below it has been applied, except those in a gap. Locked
-- for the refresh's transaction, so refreshes take turns.
SELECT high_water FROM registry_refresh WHERE id = 1 FOR UPDATE;
