"""Shared building blocks: permissions, errors, navigation, formatting, column types."""
