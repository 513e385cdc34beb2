"""The run manifest, in the names of RunManifestJson (PurchasePipeline.Core), and the bookmark digest."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from purchase_job.contract import QuarantinedObject, RawObject


def bookmark_summary(objects: Iterable[RawObject]) -> dict[str, object]:
    """The number of objects and a digest of their keys and ETags, computed as the local plane's Bookmark
    does, so the same objects give the same digest in both planes."""
    lines = sorted(f"{item.key}={item.etag}\n" for item in objects)
    digest = hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()[:16]
    return {"objects": len(lines), "digest": digest}


def build_manifest(
    *,
    run_id: str,
    job_name: str,
    started_at: datetime,
    completed_at: datetime,
    objects: Sequence[RawObject],
    rows_per_file: Mapping[str, int],
    clean_rows_per_date: Mapping[str, int],
    rejected_by_reason: Mapping[str, int],
    quarantined: Sequence[QuarantinedObject] = (),
) -> dict[str, object]:
    """The run manifest, with the snake_case names of RunManifestJson (PurchasePipeline.Core).

    Glue's job bookmark is opaque to the job: it cannot see how many objects the bookmark held before
    this run or what they were. So, unlike the local plane's bookmark, both summaries count only this
    run's objects: bookmark_before is the empty set and bookmark_after the objects this run read or
    quarantined (the commit bookmarks both, as the local plane does).
    """
    rows_in = sum(rows_per_file.values())
    rows_clean = sum(clean_rows_per_date.values())
    rows_rejected = sum(rejected_by_reason.values())
    return {
        "run_id": run_id,
        "job_name": job_name,
        "started_at": started_at.isoformat(),
        "completed_at": completed_at.isoformat(),
        "rows_in": rows_in,
        "rows_clean": rows_clean,
        "rows_rejected": rows_rejected,
        "rows_deduplicated": rows_in - rows_clean - rows_rejected,
        "files": [
            {"key": item.key, "e_tag": item.etag, "row_count": rows_per_file.get(item.key, 0)}
            for item in sorted(objects, key=lambda item: item.key)
        ],
        "partitions": [
            {"purchase_date": date, "row_count": count} for date, count in sorted(clean_rows_per_date.items())
        ],
        "rejected_by_reason": dict(sorted(rejected_by_reason.items())),
        "bookmark_before": bookmark_summary([]),
        "bookmark_after": bookmark_summary([*objects, *(RawObject(key=item.key, etag=item.etag) for item in quarantined)]),
        "quarantined": [
            {"key": item.key, "e_tag": item.etag, "reason": item.reason}
            for item in sorted(quarantined, key=lambda item: item.key)
        ],
    }


def manifest_text(manifest: Mapping[str, object]) -> str:
    """The manifest as one line of JSON: Athena's JSON SerDe reads one object per line."""
    return json.dumps(manifest, separators=(",", ":")) + "\n"
