"""Children: the pseudonymous case reference, details, legal status and team."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rhi.children.vocabulary import Gender, LegalStatus
from rhi.database import UTCDateTime, utcnow
from rhi.extensions import Base

if TYPE_CHECKING:
    from rhi.auth.models import Team
    from rhi.children.philomena import PhilomenaProfile
    from rhi.episodes.models import Episode
    from rhi.reference.models import District


class Child(Base):
    __tablename__ = "child"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The case system's reference: pseudonymous, safe to show where a name is not.
    case_ref: Mapped[str] = mapped_column(String(32), unique=True)
    given_name: Mapped[str] = mapped_column(String(80))
    family_name: Mapped[str] = mapped_column(String(80))
    date_of_birth: Mapped[date] = mapped_column(Date)
    gender: Mapped[str] = mapped_column(String(16), default=Gender.NOT_KNOWN)
    ethnicity: Mapped[str | None] = mapped_column(String(64))
    district_id: Mapped[int] = mapped_column(ForeignKey("district.id"), index=True)
    legal_status: Mapped[str] = mapped_column(String(8))
    placement_type: Mapped[str | None] = mapped_column(String(80))
    placement_provider: Mapped[str | None] = mapped_column(String(120))
    school: Mapped[str | None] = mapped_column(String(120))
    vulnerabilities: Mapped[list[str]] = mapped_column(JSON, default=list)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    district: Mapped[District] = relationship()
    team: Mapped[Team | None] = relationship()
    episodes: Mapped[list[Episode]] = relationship(
        back_populates="child", order_by="Episode.started_at"
    )
    philomena: Mapped[PhilomenaProfile | None] = relationship(back_populates="child")

    @property
    def legal_status_enum(self) -> LegalStatus:
        return LegalStatus(self.legal_status)

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def initials(self) -> str:
        return f"{self.given_name[:1]}{self.family_name[:1]}".upper()

    def age_on(self, day: date) -> int:
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def as_dict(self) -> dict[str, Any]:
        return {
            "case_ref": self.case_ref,
            "given_name": self.given_name,
            "family_name": self.family_name,
            "date_of_birth": self.date_of_birth.isoformat(),
            "gender": self.gender,
            "ethnicity": self.ethnicity,
            "district": self.district.code,
            "legal_status": self.legal_status,
            "placement_type": self.placement_type,
            "placement_provider": self.placement_provider,
            "school": self.school,
            "vulnerabilities": list(self.vulnerabilities or []),
        }
