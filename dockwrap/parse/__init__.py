"""Small pure parsers for the strings docker prints, shared by every command's records."""
