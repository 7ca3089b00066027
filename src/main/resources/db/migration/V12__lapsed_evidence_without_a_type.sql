-- The classifying statement no longer gathers a person's lapsed evidence into a comparison_evidence value (V5): it
-- keeps, per expectation, the greatest of its participations' sortable texts (docs/comparison.md).
DROP TYPE comparison_evidence;
