UPDATE registry_refresh SET high_water = :highWater, refreshed_at = now() WHERE id = 1;
