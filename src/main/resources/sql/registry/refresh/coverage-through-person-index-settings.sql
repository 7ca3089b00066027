-- For the coverage of a small share of the registry's persons: hash and merge joins off, so that only a nested loop
-- over the participations' person index is left to plan. ANALYZE's sample counts a tenth of the distinct persons
-- among the participations, so the planner takes each person to hold ten times as many as they do and reads every
-- participation of the registry for as few as a few thousand persons (docs/registry.md, "Coverage").
SELECT set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true);
