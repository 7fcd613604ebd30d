"""MKD Planner: rosters for flexible working in the civil service."""
