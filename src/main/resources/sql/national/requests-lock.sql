-- Writes the COMPARE_REQUESTs of one hub instance at a time (CompareRequests), until the transaction ends.
SELECT pg_advisory_xact_lock(hashtext('canbao.national.compare-requests'));
