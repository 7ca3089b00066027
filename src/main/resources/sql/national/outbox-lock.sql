-- Sends the national outbox from one hub instance at a time (NationalOutbox), until the transaction ends: one sender
-- keeps the messages in the order they were written.
SELECT pg_advisory_xact_lock(hashtext('canbao.national.outbox'));
