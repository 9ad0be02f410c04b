// placeholder until the ingest lands
