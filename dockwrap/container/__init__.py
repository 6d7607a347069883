"""The container commands: records, Python API (api.py) and CLI verbs (cli/)."""
