-- A run stores "none" as NULL in its flags, unmet expectations and 缺少险种 rather than as an empty array: most
-- persons are INSURED without flags, and their three empty arrays were a seventh of the bytes a run writes (and sends
-- through the WAL): at 6 M persons a part of the classification wrote 602 MB instead of 700 MB, in 61.0-65.5 s
-- instead of 63.6-72.2 s (docs/performance.md, "Fifth round"). Readers take NULL and an empty array alike (the API
-- shows both as []; the diff compares them as equal), so the runs kept from before stay as they are.
ALTER TABLE comparison_result
    ALTER COLUMN flags DROP NOT NULL,
    ALTER COLUMN unmet DROP NOT NULL,
    ALTER COLUMN missing_schemes DROP NOT NULL;
