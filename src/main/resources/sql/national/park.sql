-- A message from the national system that is not applied, kept with its :reason and :detail (docs/national.md); the
-- same JMS message (:jmsMessageId) delivered again is kept once.
INSERT INTO national_parked_message (jms_message_id, parked_at, reason, detail, message_id, message_type, body)
VALUES (:jmsMessageId, :now, :reason, :detail, :messageId, :messageType, :body)
ON CONFLICT (jms_message_id) DO NOTHING;
