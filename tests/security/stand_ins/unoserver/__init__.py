"""A stand-in for unoserver in the converter's process tests (tests/security/test_converter_processes.py)."""
