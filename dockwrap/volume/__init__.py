"""The volume commands: records (records.py), Python API (api.py) and CLI verbs (cli/)."""
