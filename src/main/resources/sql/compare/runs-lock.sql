-- Takes the comparison run lock, the session advisory lock :key, if no other session holds it: true when taken. Held
-- by the session until runs-unlock.sql or its end, so that a crashed JVM's lock goes with its connection.
SELECT pg_try_advisory_lock(:key);
