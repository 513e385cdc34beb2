#!/usr/bin/python3
"""Baseline (c): the clean_purchases transform written the way a data engineer would write it in pandas.

Same rules as glue/sql (trim and case-fold, first reject reason in the same order, fingerprint dedupe,
daily aggregates), on a first run over the whole landing folder: there is no existing clean table, no
bookmark and no manifest. pyarrow is not installed here, so outputs are CSV, partitioned like the lake.
Money is float64 rounded to cents, as such scripts usually do, where the SQL uses DECIMAL.

usage: clean_purchases_pandas.py LANDING_DIR OUTPUT_DIR
Prints one JSON line: row counts, and the process's CPU time and peak RSS.
"""
import glob
import hashlib
import json
import os
import resource
import sys

import numpy as np
import pandas as pd

COLUMNS = [
    "user_id", "session_id", "category", "brand", "cost_price", "selling_price", "discount",
    "timestamp", "referrer", "device_type", "os", "browser", "ip_address", "payment_method",
]
UPPER = {"user_id", "referrer"}
LOWER = {"session_id", "category", "brand", "device_type", "os", "browser", "payment_method"}
SPILL = [f"extra_{i}" for i in range(1, 9)]
RUN_ID = "jr_pandas"

USER_ID = r"USI_[0-9]+"
SESSION_ID = r"[0-9a-f]{32}"
WHOLE = r"-?[0-9]{1,12}"
PRICE = r"-?[0-9]{1,10}([.][0-9]{1,2})?"
TIMESTAMP = r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}"
OCTET = r"(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
IPV4 = rf"({OCTET}[.]){{3}}{OCTET}"


def read_raw(landing):
    frames = []
    for path in sorted(glob.glob(os.path.join(landing, "raw", "**", "*.csv"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            header = [name.strip().strip('"').strip().lower() for name in f.readline().rstrip("\r\n").split(",")]
        df = pd.read_csv(path, header=None, skiprows=1, names=header + SPILL, dtype=str,
                         keep_default_na=False, na_filter=False)
        extra = df[SPILL]
        has_extra = (extra != "").any(axis=1)
        df["extra_fields"] = np.nan
        df.loc[has_extra, "extra_fields"] = extra[has_extra].apply(lambda r: ",".join(v for v in r if v), axis=1)
        df = df.drop(columns=SPILL)
        df["source_file"] = os.path.relpath(path, landing).replace(os.sep, "/")
        df["source_row"] = np.arange(1, len(df) + 1)
        frames.append(df)
    raw = pd.concat(frames, ignore_index=True)
    raw["run_id"] = RUN_ID
    return raw


def normalise(raw):
    typed = pd.DataFrame(index=raw.index)
    for column in COLUMNS:
        value = raw[column].str.strip(" ")
        if column in UPPER:
            value = value.str.upper()
        elif column in LOWER:
            value = value.str.lower()
        typed[column] = value.replace("", np.nan)
    return typed


def matches(series, pattern):
    return series.str.fullmatch(pattern).fillna(False).astype(bool)


def reject_reasons(raw, t):
    cost = pd.to_numeric(t["cost_price"].where(matches(t["cost_price"], WHOLE)), errors="coerce")
    price = pd.to_numeric(t["selling_price"].where(matches(t["selling_price"], PRICE)), errors="coerce")
    discount = pd.to_numeric(t["discount"].where(matches(t["discount"], WHOLE)), errors="coerce")
    # Only well-formed text is parsed: pandas' ISO fast path would also take "T" and "Z" forms.
    well_formed = matches(t["timestamp"], TIMESTAMP)
    stamp = pd.to_datetime(t["timestamp"].where(well_formed), format="%Y-%m-%d %H:%M:%S", errors="coerce")
    required = ["user_id", "session_id", "category", "brand", "cost_price", "selling_price", "discount",
                "timestamp", "device_type", "payment_method"]
    conditions = [raw["extra_fields"].notna()] + [t[c].isna() for c in required] + [
        t["user_id"].notna() & ~matches(t["user_id"], USER_ID),
        t["session_id"].notna() & ~matches(t["session_id"], SESSION_ID),
        t["cost_price"].notna() & ~matches(t["cost_price"], WHOLE),
        t["selling_price"].notna() & ~matches(t["selling_price"], PRICE),
        t["discount"].notna() & ~matches(t["discount"], WHOLE),
        (cost < 0) | (price < 0) | (discount < 0),
        discount > price,
        ~well_formed | stamp.isna(),
        t["ip_address"].notna() & ~matches(t["ip_address"], IPV4),
    ]
    choices = ["malformed_row"] + [f"missing_{c}" for c in required] + [
        "invalid_user_id", "invalid_session_id", "invalid_cost_price", "invalid_selling_price",
        "invalid_discount", "negative_amount", "discount_exceeds_price", "invalid_timestamp",
        "invalid_ip_address",
    ]
    reason = pd.Series(np.select(conditions, choices, default=""), index=t.index).replace("", np.nan)
    return reason, cost, price, discount, stamp


def fingerprint(t):
    key = t[COLUMNS].fillna("").agg("|".join, axis=1)
    return [hashlib.md5(k.encode("utf-8")).hexdigest() for k in key]


def write_partitioned(df, folder, column="purchase_date"):
    for value, part in df.groupby(column):
        target = os.path.join(folder, f"{column}={value}")
        os.makedirs(target, exist_ok=True)
        part.drop(columns=[column]).to_csv(os.path.join(target, "part-0.csv"), index=False)


def daily(touched, by):
    grouped = touched.groupby(["purchase_date", by], as_index=False).agg(
        orders=("purchase_id", "size"), revenue=("net_revenue", "sum"), margin=("margin", "sum"))
    grouped[["revenue", "margin"]] = grouped[["revenue", "margin"]].round(2)
    return grouped


def brands(touched):
    b = touched.groupby(["purchase_date", "brand"], as_index=False).agg(
        category=("category", "min"), orders=("purchase_id", "size"),
        revenue=("net_revenue", "sum"), margin=("margin", "sum"))
    b[["revenue", "margin"]] = b[["revenue", "margin"]].round(2)
    b = b.sort_values(["purchase_date", "revenue", "brand"], ascending=[True, False, True])
    b["revenue_rank"] = b.groupby("purchase_date").cumcount() + 1
    return b


def segments(touched, landing):
    users_path = os.path.join(landing, "reference", "users", "users.csv")
    if os.path.exists(users_path):
        users = pd.read_csv(users_path, dtype=str, keep_default_na=False, na_filter=False)
        users = pd.DataFrame({
            "user_id": users["user_id"].str.strip(" ").str.upper(),
            "gender": users["gender"].str.strip(" ").str.lower().replace("", np.nan),
            "age": pd.to_numeric(users["age"].str.strip(" "), errors="coerce"),
        }).groupby("user_id", as_index=False).agg(gender=("gender", "min"), age=("age", "min"))
    else:
        users = pd.DataFrame({"user_id": [], "gender": [], "age": []})
    s = touched[["user_id", "net_revenue", "purchase_date"]].merge(users, on="user_id", how="left")
    s["gender"] = s["gender"].fillna("unknown")
    s["age_band"] = np.select(
        [s["age"].isna(), s["age"] < 25, s["age"] < 35, s["age"] < 45, s["age"] < 55],
        ["unknown", "18-24", "25-34", "35-44", "45-54"], default="55+")
    g = s.groupby(["purchase_date", "gender", "age_band"], as_index=False).agg(
        orders=("net_revenue", "size"), revenue=("net_revenue", "sum"))
    g["revenue"] = g["revenue"].round(2)
    return g


def main(landing, output):
    raw = read_raw(landing)
    t = normalise(raw)
    reason, cost, price, discount, stamp = reject_reasons(raw, t)

    rejected = raw[reason.notna()].copy()
    rejected.insert(0, "reject_reason", reason[reason.notna()])
    rejected = rejected.sort_values(["source_file", "source_row"])
    os.makedirs(os.path.join(output, "rejected"), exist_ok=True)
    rejected.drop(columns=["run_id"]).to_csv(os.path.join(output, "rejected", "part-0.csv"), index=False)

    valid = reason.isna()
    clean = t[valid].copy()
    clean.insert(0, "purchase_id", fingerprint(clean))
    clean["cost_price"] = cost[valid]
    clean["selling_price"] = price[valid]
    clean["discount"] = discount[valid]
    clean["purchased_at"] = stamp[valid]
    clean["purchase_date"] = stamp[valid].dt.date
    for column in ["source_file", "source_row", "run_id"]:
        clean[column] = raw.loc[valid, column]
    valid_rows = len(clean)
    clean = clean.sort_values(["source_file", "source_row"]).drop_duplicates("purchase_id", keep="first")
    clean["net_revenue"] = (clean["selling_price"] - clean["discount"]).round(2)
    clean["margin"] = (clean["selling_price"] - clean["discount"] - clean["cost_price"]).round(2)
    write_partitioned(clean, os.path.join(output, "clean", "purchases"))

    aggregates = os.path.join(output, "aggregates")
    write_partitioned(daily(clean, "category"), os.path.join(aggregates, "agg_daily_category"))
    write_partitioned(daily(clean, "device_type"), os.path.join(aggregates, "agg_daily_device"))
    write_partitioned(daily(clean, "payment_method"), os.path.join(aggregates, "agg_daily_payment"))
    write_partitioned(brands(clean), os.path.join(aggregates, "agg_daily_brand"))
    write_partitioned(segments(clean, landing), os.path.join(aggregates, "agg_daily_segment"))

    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({
        "rows_in": len(raw),
        "rows_clean": len(clean),
        "rows_rejected": len(rejected),
        "rows_deduplicated": valid_rows - len(clean),
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "max_rss_kb": usage.ru_maxrss,
    }))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
