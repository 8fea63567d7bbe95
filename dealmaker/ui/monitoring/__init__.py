"""Monitoring: programme goals and projects, indicators with measurements, computed status
and charts, the bijsturing log, and the deal's money per year."""
