-- Delivery :delivery is answered: its attempts are counted no more.
DELETE FROM delivery_attempt WHERE delivery = :delivery;
