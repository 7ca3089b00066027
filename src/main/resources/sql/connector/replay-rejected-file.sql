-- The system and name of data file :intakeFileId if it was answered REJECTED and moved to :disposition (in/.error/).
SELECT system, file_name FROM intake_file
WHERE id = :intakeFileId AND status = 'REJECTED' AND disposition = :disposition;
