"""Who may read, change and export the scoring standards: safety managers and leadership read
and export them, only safety managers import a standard or switch it on or off."""

from __future__ import annotations

from apps.org.policy import is_safety_manager, sees_everything

can_read_standards = sees_everything
can_export_standard = sees_everything
can_import_standard = is_safety_manager
can_activate_standard = is_safety_manager
