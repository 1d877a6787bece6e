"""Results of a job in the formats other tools read: subtitles, documents, tables, RTTM, ELAN."""
