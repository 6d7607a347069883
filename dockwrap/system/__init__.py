"""The system commands: records, Python API (api.py) and CLI verbs (cli/)."""
