-- v2: where an annotation came from (the page, or an imported Label Studio / COCO file).
ALTER TABLE annotations ADD COLUMN source TEXT NOT NULL DEFAULT 'web';
CREATE INDEX annotations_annotator ON annotations(annotator);
