-- A data file whose records were stored and none accepted (status REJECTED) was moved to in/.error/, but its intake
-- row kept the '.done' its first insert gave it: a delivery taken again after a crash went by the row and moved the
-- file to in/.done/. The row now says where such a file went (file-commit.sql writes it from now on).
UPDATE intake_file SET disposition = '.error' WHERE status = 'REJECTED' AND disposition = '.done';
