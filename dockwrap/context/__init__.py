"""The context commands: records (records.py); the Python API and CLI verbs come with the
option table of docker's commands."""
