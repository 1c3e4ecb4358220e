"""Point-in-time churn features and contractual labels from the raw import-format CSV files, in ordinary pandas.

A feature at cutoff T uses only events strictly before T; a label uses only [T, T + window). The subset of Kizuki's
catalog computed here (names as in Kizuki; the definitions follow its catalog's wording, simplified where noted):

- purchases (only when orders.csv exists): orders_30d, orders_90d, spend_90d, days_since_last_order
- logins/activity: logins_7d, logins_30d, logins_90d, days_since_last_login (730-day look-back), active_days_30d (days
  with a login, as 24-hour periods back from T), login_trend (logins 30d vs the 30 days before: (a - b) / max(b, 1)),
  feature_uses_30d, distinct_features_30d, distinct_features_90d, page_views_30d, pricing_page_views_30d,
  cancellation_page_views_30d, email_opens_90d, email_clicks_90d
- tickets: tickets_30d, tickets_90d, open_tickets, mean_days_to_close_180d, low_satisfaction_tickets_180d
- surveys: latest_nps, nps_change, is_detractor, latest_csat, days_since_last_survey
- subscription: subscription_tenure_days (from the earliest running start), days_to_renewal (next start + whole billing
  cycles), monthly_recurring_amount, seats, billing_cycle_months, renewals, plan (categorical)
- touches: touches_30d, touches_90d, days_since_last_touch
- profile: customer_age_days, industry, region, acquisition_channel, company_size (categorical)

Not computed: spend trends and monthly spend statistics, order gaps, returns, downgrades, streaks, email
click-to-open, competitor/support page categories, ticket sentiment and churn intent (need Kizuki's text models), CSAT
change, touch control flag, segment_plan.
"""
import numpy as np
import pandas as pd

DAY = 86_400_000  # ms
CATEGORICAL = ["plan", "industry", "region", "acquisition_channel", "company_size"]


def ms(series):
    """ISO-8601 UTC text → int64 milliseconds (NaT → NaN as float)."""
    parsed = pd.to_datetime(series, utc=True, format="%Y-%m-%dT%H:%M:%S.%fZ")  # as Kizuki exports; pandas 1.5 has no "ISO8601"
    values = parsed.astype("int64") // 1_000_000
    return values.where(parsed.notna())


def read(raw):
    """The raw CSV files of one business, timestamps as ms and ids as categories."""
    import os
    path = lambda name: os.path.join(raw, name)
    data = {}
    customers = pd.read_csv(path("customers.csv"), encoding="utf-8-sig", dtype="string")
    customers["signup"] = ms(customers["signup_at"])
    data["customers"] = customers.set_index("customer_id")
    ids = pd.CategoricalDtype(customers["customer_id"].tolist())
    acts = pd.read_csv(path("activities.csv"), encoding="utf-8-sig", usecols=["customer_id", "occurred_at", "type", "name"],
                       dtype={"customer_id": ids, "type": "category", "name": "category", "occurred_at": "string"})
    acts["t"] = ms(acts.pop("occurred_at")).astype("int64")
    data["activities"] = acts.sort_values("t", kind="stable").reset_index(drop=True)
    subs = pd.read_csv(path("subscriptions.csv"), encoding="utf-8-sig", dtype={"customer_id": ids, "plan": "string"})
    subs["start"] = ms(subs["started_at"])
    subs["end"] = ms(subs["ended_at"]).fillna(np.inf)
    data["subscriptions"] = subs
    tickets = pd.read_csv(path("tickets.csv"), encoding="utf-8-sig", usecols=["customer_id", "opened_at", "closed_at", "satisfaction"],
                          dtype={"customer_id": ids, "opened_at": "string", "closed_at": "string"})
    tickets["opened"] = ms(tickets["opened_at"])
    tickets["closed"] = ms(tickets["closed_at"])
    data["tickets"] = tickets
    surveys = pd.read_csv(path("surveys.csv"), encoding="utf-8-sig", usecols=["customer_id", "responded_at", "kind", "score"],
                          dtype={"customer_id": ids, "responded_at": "string"})
    surveys["t"] = ms(surveys["responded_at"])
    data["surveys"] = surveys.sort_values("t", kind="stable")
    if os.path.exists(path("touches.csv")):
        touches = pd.read_csv(path("touches.csv"), encoding="utf-8-sig", usecols=["customer_id", "touched_at"],
                              dtype={"customer_id": ids, "touched_at": "string"})
        touches["t"] = ms(touches["touched_at"])
        data["touches"] = touches
    if os.path.exists(path("orders.csv")):
        orders = pd.read_csv(path("orders.csv"), encoding="utf-8-sig", dtype={"customer_id": ids})
        time_column = next(c for c in orders.columns if c.endswith("_at"))
        orders["t"] = ms(orders[time_column].astype("string"))
        data["orders"] = orders
    return data


def newest_record(data):
    """The newest instant (ms) in the data, as Kizuki's default as-of looks for it (renewal dates are plans, not records)."""
    candidates = [data["activities"]["t"].max(), data["tickets"]["opened"].max(), data["tickets"]["closed"].max(),
                  data["surveys"]["t"].max(), data["subscriptions"]["start"].max(),
                  data["subscriptions"]["end"].replace(np.inf, np.nan).max()]
    for name in ("touches", "orders"):
        if name in data:
            candidates.append(data[name]["t"].max())
    return int(np.nanmax(candidates))


def _count(frame, t_column, start, end, index, mask=None):
    window = frame[(frame[t_column] >= start) & (frame[t_column] < end)]
    if mask is not None:
        window = window[mask(window)]
    return window.groupby("customer_id", observed=False).size().reindex(index, fill_value=0).astype(float)


def features_at(data, asof, index):
    """Features of the customers in `index` at cutoff `asof` (ms)."""
    out = pd.DataFrame(index=index)
    acts = data["activities"]
    before = acts.iloc[: np.searchsorted(acts["t"].to_numpy(), asof, side="left")]
    recent = before[before["t"] >= asof - 730 * DAY]
    logins = recent[recent["type"] == "login"]
    for days in (7, 30, 90):
        out[f"logins_{days}d"] = _count(logins, "t", asof - days * DAY, asof, index)
    out["days_since_last_login"] = (asof - logins.groupby("customer_id", observed=False)["t"].max().reindex(index)) / DAY
    last30 = logins[logins["t"] >= asof - 30 * DAY]
    out["active_days_30d"] = ((asof - 1 - last30["t"]) // DAY).groupby(last30["customer_id"], observed=False).nunique().reindex(index, fill_value=0)
    previous = _count(logins, "t", asof - 60 * DAY, asof - 30 * DAY, index)
    out["login_trend"] = (out["logins_30d"] - previous) / previous.clip(lower=1)
    uses = recent[recent["type"] == "feature_use"]
    out["feature_uses_30d"] = _count(uses, "t", asof - 30 * DAY, asof, index)
    for days in (30, 90):
        window = uses[uses["t"] >= asof - days * DAY]
        out[f"distinct_features_{days}d"] = window.groupby("customer_id", observed=False)["name"].nunique().reindex(index, fill_value=0)
    views = recent[(recent["type"] == "page_view") & (recent["t"] >= asof - 30 * DAY)]
    out["page_views_30d"] = _count(views, "t", asof - 30 * DAY, asof, index)
    page = views["name"].astype("string")
    out["pricing_page_views_30d"] = _count(views[page.str.match(r"/(pricing|plans|price)").fillna(False).to_numpy()], "t", asof - 30 * DAY, asof, index)
    out["cancellation_page_views_30d"] = _count(
        views[page.str.contains(r"^/(account/cancel|cancel|unsubscribe|mypage/withdraw)|kaiyaku|/mypage/.*cancel").fillna(False).to_numpy()],
        "t", asof - 30 * DAY, asof, index)
    out["email_opens_90d"] = _count(recent[recent["type"] == "email_open"], "t", asof - 90 * DAY, asof, index)
    out["email_clicks_90d"] = _count(recent[recent["type"] == "email_click"], "t", asof - 90 * DAY, asof, index)

    tickets = data["tickets"]
    out["tickets_30d"] = _count(tickets, "opened", asof - 30 * DAY, asof, index)
    out["tickets_90d"] = _count(tickets, "opened", asof - 90 * DAY, asof, index)
    open_ = tickets[(tickets["opened"] < asof) & (tickets["opened"] >= asof - 730 * DAY) & ~(tickets["closed"] < asof)]
    out["open_tickets"] = open_.groupby("customer_id", observed=False).size().reindex(index, fill_value=0)
    closed = tickets[(tickets["opened"] >= asof - 180 * DAY) & (tickets["closed"] < asof)]
    out["mean_days_to_close_180d"] = ((closed["closed"] - closed["opened"]) / DAY).groupby(closed["customer_id"], observed=False).mean().reindex(index)
    out["low_satisfaction_tickets_180d"] = closed[closed["satisfaction"] <= 2].groupby("customer_id", observed=False).size().reindex(index, fill_value=0)

    surveys = data["surveys"]
    answered = surveys[(surveys["t"] < asof) & (surveys["t"] >= asof - 730 * DAY)]
    for kind in ("nps", "csat"):
        rows = answered[answered["kind"] == kind]
        last_two = rows.groupby("customer_id", observed=False)["score"].apply(lambda s: s.iloc[-2:].tolist() if len(s) else [])
        latest = last_two.map(lambda v: v[-1] if v else np.nan).reindex(index)
        out[f"latest_{kind}"] = latest
        if kind == "nps":
            out["nps_change"] = last_two.map(lambda v: v[-1] - v[-2] if len(v) == 2 else np.nan).reindex(index)
            out["is_detractor"] = latest.le(6).astype(float).where(latest.notna())
    out["days_since_last_survey"] = (asof - answered.groupby("customer_id", observed=False)["t"].max().reindex(index)) / DAY

    subs = data["subscriptions"]
    running = subs[(subs["start"] < asof) & (subs["end"] >= asof)].copy()
    running["monthly"] = running["amount"] / running["billing_cycle_months"].clip(lower=1)
    group = running.groupby("customer_id", observed=False)
    out["subscription_tenure_days"] = (asof - group["start"].min().reindex(index)) / DAY
    cycle_ms = running["billing_cycle_months"] * 30.436875 * DAY
    cycles = np.floor((asof - running["start"]) / cycle_ms)
    out["renewals"] = cycles.groupby(running["customer_id"], observed=False).max().reindex(index)
    next_renewal = running["start"] + (cycles + 1) * cycle_ms
    out["days_to_renewal"] = ((next_renewal - asof) / DAY).groupby(running["customer_id"], observed=False).min().reindex(index)
    out["monthly_recurring_amount"] = group["monthly"].sum().reindex(index)
    out["seats"] = group["seats"].sum().reindex(index)
    main = running.sort_values("monthly").groupby("customer_id", observed=False).tail(1).set_index("customer_id")
    out["billing_cycle_months"] = main["billing_cycle_months"].reindex(index)
    out["plan"] = main["plan"].reindex(index)

    if "touches" in data:
        touches = data["touches"]
        out["touches_30d"] = _count(touches, "t", asof - 30 * DAY, asof, index)
        out["touches_90d"] = _count(touches, "t", asof - 90 * DAY, asof, index)
        prior = touches[touches["t"] < asof]
        out["days_since_last_touch"] = (asof - prior.groupby("customer_id", observed=False)["t"].max().reindex(index)) / DAY
    if "orders" in data:
        orders = data["orders"]
        out["orders_30d"] = _count(orders, "t", asof - 30 * DAY, asof, index)
        out["orders_90d"] = _count(orders, "t", asof - 90 * DAY, asof, index)
        amount = next((c for c in ("amount", "total") if c in orders.columns), None)
        if amount:
            window = orders[(orders["t"] >= asof - 90 * DAY) & (orders["t"] < asof)]
            out["spend_90d"] = window.groupby("customer_id", observed=False)[amount].sum().reindex(index, fill_value=0)
        prior = orders[orders["t"] < asof]
        out["days_since_last_order"] = (asof - prior.groupby("customer_id", observed=False)["t"].max().reindex(index)) / DAY

    customers = data["customers"].reindex(index)
    out["customer_age_days"] = (asof - customers["signup"]) / DAY
    for name in ("industry", "region", "acquisition_channel", "company_size"):
        out[name] = customers[name]
    return out


def contractual_labels(data, asof, window_ms, grace_ms=DAY):
    """Eligible customers at `asof` (a subscription runs: started before T, not ended before T) and their label: 1 when
    the chain of subscriptions covering T (each next one starting within the grace of the coverage so far, before
    T + window) ends inside the window. Churn events (cancellation marks) are not read: the SaaS demo has none."""
    subs = data["subscriptions"]
    horizon = asof + window_ms
    running = subs[(subs["start"] < asof) & (subs["end"] >= asof)]
    covered = running.groupby("customer_id", observed=True)["end"].max()
    later = subs[(subs["start"] >= asof) & (subs["start"] < horizon) & subs["customer_id"].isin(covered.index)]
    while len(later):
        joined = later.join(covered.rename("covered"), on="customer_id")
        extend = joined[joined["start"] - grace_ms <= joined["covered"]]
        grown = extend.groupby("customer_id", observed=True)["end"].max()
        updated = pd.concat([covered, grown], axis=1).max(axis=1)
        if updated.reindex(covered.index).equals(covered):
            break
        covered = updated
    return (covered < horizon).astype(int)
