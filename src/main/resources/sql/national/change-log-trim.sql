-- The change log up to :toSeq is in increments that are written: it goes, in their transaction.
DELETE FROM registry_person_change WHERE seq <= :toSeq;
