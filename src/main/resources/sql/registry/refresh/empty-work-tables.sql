-- The unlogged work tables of one refresh, emptied at its start.
TRUNCATE registry_refresh_row, registry_refresh_key, registry_refresh_latest, registry_refresh_current,
         registry_refresh_person, registry_refresh_covered;
