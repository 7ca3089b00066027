-- How many messages are parked for each reason.
SELECT m.reason, count(*) AS messages FROM national_parked_message m GROUP BY m.reason ORDER BY m.reason;
