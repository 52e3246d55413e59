"""Checks are data: small functions that yield findings; the house style sets their severity."""

from __future__ import annotations

from ..chronicle import unlisted_as_warnings
from ..findings import Finding
from ..history import History, derive_history
from ..model import Archive
from .codes import CODES, UNBENDING, default_severity
from .dashiji import check_dashiji_empty
from .figures import check_figures
from .hidden import check_bidi, check_combining
from .imagemeta import check_image_metadata
from .lifespan import (
    check_activity_while_suspended,
    check_body_counts,
    check_first_establish_previous_end,
    check_name_clash,
    check_origin_bound,
    check_parents_and_places,
    check_replay,
    check_restore_from_wording,
    check_seat_wording,
    check_seen_while_suspended,
    check_silence,
    check_snapshots,
    check_split_into,
    check_unit_in_body_life,
    check_usage_dates,
)
from .personlife import check_post_in_life
from .prose import check_prose, check_secret_refs
from .references import check_nameless, check_references
from .samename import check_same_name
from .secrecy import check_kaoyi_withheld, check_mark_words, check_secrecy, check_setting_comments
from .settings import check_settings
from .sources import (
    check_after_lower,
    check_documents,
    check_event_sources,
    check_kind_unknown,
    check_rank_sourced,
    check_rename_same,
    check_short_years,
    check_staffing,
    check_staffing_basis,
)
from .style import check_enumeration, check_generated_text, check_style
from .withheld import check_event_withheld, check_record_withheld

CHECKS = [
    check_references,
    check_nameless,
    check_replay,
    check_usage_dates,
    check_post_in_life,
    check_unit_in_body_life,
    check_parents_and_places,
    check_name_clash,
    check_same_name,
    check_silence,
    check_snapshots,
    check_origin_bound,
    check_split_into,
    check_restore_from_wording,
    check_seat_wording,
    check_first_establish_previous_end,
    check_activity_while_suspended,
    check_seen_while_suspended,
    check_body_counts,
    check_event_sources,
    check_rank_sourced,
    check_kind_unknown,
    check_staffing,
    check_staffing_basis,
    check_documents,
    check_short_years,
    check_after_lower,
    check_rename_same,
    check_dashiji_empty,
    check_prose,
    check_image_metadata,
    check_secret_refs,
    check_figures,
    check_style,
    check_enumeration,
    check_generated_text,
    check_secrecy,
    check_kaoyi_withheld,
    check_event_withheld,
    check_record_withheld,
    check_mark_words,
    check_setting_comments,
    check_bidi,
    check_combining,
    check_settings,
]


def run_checks(archive: Archive, severities: dict[str, str] | None = None,
               history: History | None = None) -> list[Finding]:
    """All findings of loading and checking, with the house style's severities applied, sorted by place."""
    history = history or derive_history(archive)
    found = list(archive.findings)
    for check in CHECKS:
        found.extend(check(archive, history))
    severities = severities or {}
    out = []
    seen = set()
    for f in found:
        sev = f.severity if f.code in UNBENDING else severities.get(f.code, f.severity)
        if sev == "off":
            continue
        f.severity = sev
        key = (f.code, f.loc, f.message)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    unlisted_as_warnings(archive.book, out)
    return sorted(out, key=Finding.sort_key)


__all__ = ["CHECKS", "CODES", "default_severity", "run_checks"]
