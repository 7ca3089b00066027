-- The CARD facts of the current records.
INSERT INTO registry_card (system, source_key, id_number, card_no, issue_region, status, issue_date,
    source_record_id)
SELECT s.system, s.source_key, s.id_number, left(f ->> 'cardNo', 20), f ->> 'issueRegion',
       f ->> 'status', (f ->> 'issueDate')::date, s.id
FROM registry_refresh_current c JOIN source_record s ON s.id = c.source_record_id,
     LATERAL (SELECT s.payload #> '{facts,card}') x(f)
WHERE f IS NOT NULL;
