"""Exports: PDF, print, PNG/SVG chart, CSV and JSON."""
