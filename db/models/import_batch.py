"""ImportBatch: one import or merge, with what is needed to undo it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Record, UTCDateTime


class ImportBatch(Record, Base):
    __tablename__ = "import_batches"

    kind: Mapped[str] = mapped_column(String(20), default="import")  # import | merge
    file_name: Mapped[str | None] = mapped_column(String(500))
    checksum: Mapped[str | None] = mapped_column(String(64))
    who: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), default="applied")  # applied | undone
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Before-images of every record the batch touched, JSON: what undo restores.
    undo_data: Mapped[str | None] = mapped_column(Text)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
