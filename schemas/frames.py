"""Typed frames of the indicator and budget facts, and their validation as data.

The frames are declared here (pandera ``DataFrameModel``) apart from where
they are checked: ``validate_indicators`` builds the frame from the facts,
validates it lazily, and turns every failure case into a ``SchemaFailure``
so that a bad value is reported in the coverage section instead of stopping
the run.
"""

from __future__ import annotations

from typing import Optional, Sequence

import pandas as pd
import pandera.pandas as pa
from pandera.typing.pandas import Series

from lakip.schemas.facts import (
    KIND_CAPAIAN, KIND_REALISASI, KIND_TARGET, LEVEL_EFISIENSI, LEVEL_JUMLAH, LEVEL_KEGIATAN,
    LEVEL_PROGRAM, LEVEL_SUBKEGIATAN, LEVEL_TOTAL, LEVEL_UNIT, ROLES, BudgetLine, IndicatorFact,
    SchemaFailure,
)

YEAR_MIN, YEAR_MAX = 2000, 2100
KINDS = (KIND_TARGET, KIND_REALISASI, KIND_CAPAIAN)
LEVELS = (LEVEL_TOTAL, LEVEL_PROGRAM, LEVEL_KEGIATAN, LEVEL_SUBKEGIATAN, LEVEL_UNIT, LEVEL_JUMLAH, LEVEL_EFISIENSI)


class IndicatorFrame(pa.DataFrameModel):
    """One row per IndicatorFact."""

    table_id: Series[str] = pa.Field(nullable=True)
    row: Series[pd.Int64Dtype] = pa.Field(ge=1, nullable=True)
    column: Series[str] = pa.Field(nullable=True)
    indikator: Series[str] = pa.Field(str_length={"min_value": 1})
    kind: Series[str] = pa.Field(isin=list(KINDS))
    role: Series[str] = pa.Field(isin=list(ROLES))
    year: Series[pd.Int64Dtype] = pa.Field(ge=YEAR_MIN, le=YEAR_MAX, nullable=True)
    value: Series[float] = pa.Field(nullable=True)
    text: Series[str] = pa.Field(nullable=True)

    class Config:
        """Columns as declared, coerced."""

        strict = True
        coerce = True


class BudgetFrame(pa.DataFrameModel):
    """One row per BudgetLine (pagu, realisasi and % of one program, kegiatan or unit row)."""

    table_id: Series[str]
    row: Series[pd.Int64Dtype] = pa.Field(ge=1)
    level: Series[str] = pa.Field(isin=list(LEVELS))
    name: Series[str] = pa.Field(nullable=True)
    pagu: Series[float] = pa.Field(ge=0, nullable=True)
    realisasi: Series[float] = pa.Field(ge=0, nullable=True)
    percent: Series[float] = pa.Field(ge=0, nullable=True)
    sisa: Series[float] = pa.Field(nullable=True)

    class Config:
        """Columns as declared, coerced."""

        strict = True
        coerce = True


def indicator_frame(facts: Sequence[IndicatorFact]) -> pd.DataFrame:
    """The facts as a DataFrame with the IndicatorFrame's columns."""
    rows = [{
        "table_id": f.source.table_id, "row": f.source.row, "column": f.source.column,
        "indikator": f.indikator, "kind": f.kind, "role": f.role, "year": f.year,
        "value": f.figure.value, "text": f.figure.text,
    } for f in facts]
    cols = list(IndicatorFrame.to_schema().columns)
    return pd.DataFrame(rows, columns=cols)


def budget_frame(lines: Sequence[BudgetLine]) -> pd.DataFrame:
    """Budget lines as a DataFrame with the BudgetFrame's columns."""
    def v(fig) -> Optional[float]:
        """A figure's value, or None."""
        return None if fig is None else fig.value

    rows = [{"table_id": b.table_id, "row": b.row, "level": b.level, "name": b.name, "pagu": v(b.pagu),
             "realisasi": v(b.realisasi), "percent": v(b.percent), "sisa": v(b.sisa)} for b in lines]
    return pd.DataFrame(rows, columns=list(BudgetFrame.to_schema().columns))


def _failures(model: type[pa.DataFrameModel], df: pd.DataFrame) -> tuple[SchemaFailure, ...]:
    """Validate lazily; every failure case as a SchemaFailure."""
    if df.empty:
        return ()
    try:
        model.validate(df, lazy=True)
    except pa.errors.SchemaErrors as err:
        out = []
        for case in err.failure_cases.to_dict("records"):
            idx = case.get("index")
            has_row = idx is not None and not pd.isna(idx) and int(idx) in df.index
            src = df.loc[int(idx)] if has_row else None
            out.append(SchemaFailure(
                table_id=None if src is None else _str(src.get("table_id")),
                check=str(case.get("check")),
                column=_str(case.get("column")),
                row=None if src is None or pd.isna(src.get("row")) else int(src.get("row")),
                value=_str(case.get("failure_case")),
            ))
        return tuple(out)
    return ()


def _str(x: object) -> Optional[str]:
    """A value as text, None for missing."""
    if x is None or (not isinstance(x, str) and pd.isna(x)):
        return None
    return str(x)


def validate_indicators(facts: Sequence[IndicatorFact]) -> tuple[SchemaFailure, ...]:
    """Every way the indicator facts break the IndicatorFrame, as data."""
    return _failures(IndicatorFrame, indicator_frame(facts))


def validate_budget(lines: Sequence[BudgetLine]) -> tuple[SchemaFailure, ...]:
    """Every way the budget lines break the BudgetFrame, as data."""
    return _failures(BudgetFrame, budget_frame(lines))
